package io.clix.examples.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.local.console.HeadlessChromium;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two players in two headless Chromiums, one on each backend instance, play a game to its end from
 * the example's page; the games view lists it with a link to its execution in the local stack's
 * console. Skipped, saying so, when Debian's {@code chromium} and {@code chromium-driver} (or a
 * Chrome and chromedriver on the PATH) are not installed; never downloads a browser.
 */
class PlayBrowserTest {

  /** The shape of a Step Functions task token (the local stack's, like AWS's). */
  private static final String TOKEN = "AQ[A-Za-z0-9_-]{86}";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Optional<Path[]> chromium;
  private WebDriver alice;
  private WebDriver bob;

  @BeforeAll
  static void findBrowser() {
    chromium = HeadlessChromium.find();
    if (chromium.isEmpty()) {
      System.err.println("PlayBrowserTest: " + HeadlessChromium.MISSING);
    }
  }

  @AfterEach
  void stopBrowsers() {
    for (WebDriver driver : new WebDriver[] {alice, bob}) {
      if (driver != null) {
        screenshot(driver, "play-last-" + (driver == alice ? "alice" : "bob"));
        driver.quit();
      }
    }
  }

  @Test
  void twoTabsPlayAGameToItsEndSeeingEachOthersMovesOnlyWhenTheRoundClosesAndTheGamesViewLinksItsExecution()
      throws Exception {
    Assumptions.assumeTrue(chromium.isPresent(), HeadlessChromium.MISSING);
    try (PushExample example = PushExample.start()) {
      alice = HeadlessChromium.start(chromium.get());
      bob = HeadlessChromium.start(chromium.get());
      join(alice, example.instanceA().uri(), "alice");
      join(bob, example.instanceB().uri(), "bob");
      for (WebDriver page : List.of(alice, bob)) {
        waitText(page, By.id("status"), "RUNNING");
        waitText(page, By.id("round"), "1");
        waitText(page, By.id("rounds-total"), "2");
        waitFor(page, By.cssSelector("#players li[data-player='alice']"));
        waitFor(page, By.cssSelector("#players li[data-player='bob']"));
        waitFor(page, d -> d.findElement(By.id("countdown")).getText().matches("round closes in \\d+ s"));
      }

      // Round 1: alice moves first; bob sees that she moved, not what.
      click(alice, By.cssSelector("#cards button[data-card='3']"));
      waitText(alice, By.id("my-move"), "you picked 3 in round 1");
      waitFor(bob, By.cssSelector("#players li[data-player='alice'] .moved"));
      assertThat(bob.findElements(By.cssSelector("#history-body td.move"))).isEmpty();
      assertThat(bob.findElement(By.id("board")).getText()).doesNotContain("picked 3");
      click(bob, By.cssSelector("#cards button[data-card='7']"));
      for (WebDriver page : List.of(alice, bob)) {
        waitText(page, By.cssSelector("#history-body td[data-round='1'][data-player='alice']"), "3");
        waitText(page, By.cssSelector("#history-body td[data-round='1'][data-player='bob']"), "7");
        waitText(page, By.cssSelector("#history-body tr[data-round='1'] td.winner"), "bob");
        waitText(page, By.id("round"), "2");
      }
      screenshot(bob, "play-round-1");

      // Round 2: bob first this time.
      click(bob, By.cssSelector("#cards button[data-card='2']"));
      waitFor(alice, By.cssSelector("#players li[data-player='bob'] .moved"));
      assertThat(alice.findElements(By.cssSelector("#history-body td[data-round='2']"))).isEmpty();
      click(alice, By.cssSelector("#cards button[data-card='9']"));
      for (WebDriver page : List.of(alice, bob)) {
        waitText(page, By.cssSelector("#history-body td[data-round='2'][data-player='alice']"), "9");
        waitText(page, By.cssSelector("#history-body td[data-round='2'][data-player='bob']"), "2");
        waitText(page, By.id("status"), "FINISHED");
        waitFor(page, d -> d.findElement(By.id("result")).getText().startsWith("Game over: draw (alice 1, bob 1)"));
        assertThat(page.findElements(By.cssSelector("#cards button:enabled"))).isEmpty();
        assertThat(page.getPageSource()).doesNotContainPattern(TOKEN);
      }
      screenshot(alice, "play-finished");

      // The games view lists the game, finished, with its players and a link to its execution's console page.
      alice.get(example.instanceA().uri().resolve("/clix/games").toString());
      By row = By.cssSelector("#games-body tr[data-game='duel']");
      waitText(alice, new By.ByCssSelector("#games-body tr[data-game='duel'] .status"), "FINISHED");
      WebElement game = alice.findElement(row);
      assertThat(game.findElement(By.cssSelector(".seats")).getText()).isEqualTo("2 / 2");
      assertThat(game.findElement(By.cssSelector(".players")).getText()).isEqualTo("1: alice, 2: bob");
      assertThat(game.findElement(By.cssSelector(".round")).getText()).isEqualTo("2 of 2 played");
      click(alice, By.cssSelector("#games-body tr[data-game='duel'] details summary"));
      waitFor(alice, d -> d.findElement(By.cssSelector("#games-body tr[data-game='duel'] details")).getText()
          .contains("ROUND_CLOSED"));
      assertThat(alice.getPageSource()).doesNotContainPattern(TOKEN);
      String console = alice.findElement(By.cssSelector("#games-body tr[data-game='duel'] a.console"))
          .getAttribute("href");
      String arn = alice.findElement(By.cssSelector("#games-body tr[data-game='duel'] a.console")).getAttribute("title");
      assertThat(arn).endsWith(":duel").contains(":execution:");
      assertThat(console).isEqualTo(example.consolePage(arn).toString()).contains("/console/#/execution/");
      screenshot(alice, "play-games-view");

      alice.get(console);
      waitText(alice, By.cssSelector("h2 .status"), "SUCCEEDED");
    }
  }

  private static void join(WebDriver page, URI instance, String player) {
    page.get(instance.resolve("/play/duel?rounds=2&capacity=2").toString());
    WebElement name = waitFor(page, By.id("player"));
    name.clear();
    name.sendKeys(player);
    page.findElement(By.id("round-seconds")).clear();
    page.findElement(By.id("round-seconds")).sendKeys("600");
    click(page, By.id("join-button"));
    waitText(page, By.id("me"), player);
  }

  private static WebElement waitFor(WebDriver page, By by) {
    return new WebDriverWait(page, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static void waitFor(WebDriver page, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(page, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
  }

  private static void waitText(WebDriver page, By by, String text) {
    new WebDriverWait(page, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.textToBe(by, text));
  }

  private static void click(WebDriver page, By by) {
    new WebDriverWait(page, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          d.findElement(by).click();
          return true;
        });
  }

  /** Saves a screenshot as build output: {@code target/play-screenshots/<name>.png}. */
  private static void screenshot(WebDriver page, String name) {
    HeadlessChromium.screenshot(page, "play-screenshots", name);
  }
}
