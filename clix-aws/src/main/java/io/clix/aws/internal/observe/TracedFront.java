package io.clix.aws.internal.observe;

import io.clix.core.internal.FrontHook;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * One OpenTelemetry span per public orchestrator call, named {@code GameOrchestrator.<method>},
 * with the game id ({@code clix.game.id}) and, on failure, the error's type ({@code error.type})
 * and an ERROR status. It records no exception message or stack and no argument besides the game
 * id, so no task token can reach an attribute. The only class of clix-aws that names OpenTelemetry,
 * loaded only when the application passes an {@link OpenTelemetry}.
 */
public final class TracedFront implements FrontHook {

  /** The instrumentation scope name of Clix's spans. */
  public static final String SCOPE = "io.clix.aws";
  public static final AttributeKey<String> GAME_ID = AttributeKey.stringKey("clix.game.id");
  public static final AttributeKey<String> METHOD = AttributeKey.stringKey("clix.method");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private final Tracer tracer;

  public TracedFront(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(SCOPE);
  }

  @Override
  public Call begin(String method, String gameId) {
    var builder = tracer.spanBuilder("GameOrchestrator." + method).setSpanKind(SpanKind.INTERNAL)
        .setAttribute(METHOD, method);
    if (gameId != null) {
      builder.setAttribute(GAME_ID, gameId);
    }
    Span span = builder.startSpan();
    return new Call() {
      @Override
      public FrontHook.Scope enter() {
        io.opentelemetry.context.Scope scope = span.makeCurrent();
        return scope::close;
      }

      @Override
      public void end(Throwable error) {
        if (error != null) {
          span.setAttribute(ERROR_TYPE, error.getClass().getName());
          span.setStatus(StatusCode.ERROR);
        }
        span.end();
      }
    };
  }
}
