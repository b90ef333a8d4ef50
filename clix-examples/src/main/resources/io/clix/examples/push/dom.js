// The two DOM helpers both pages use: $ finds an element by id; el makes one with text (never HTML) and attributes.
"use strict";
const $ = id => document.getElementById(id);
const el = (tag, text, attrs) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
};
