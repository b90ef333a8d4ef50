package io.clix.local.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Finds Debian's {@code chromium} and {@code chromium-driver} (or a Chrome and chromedriver on the
 * PATH) and starts a headless browser with them; never downloads a browser or a driver.
 */
public final class HeadlessChromium {

  public static final String MISSING = "no chromium and chromedriver found (on Debian: apt-get install -y chromium "
      + "chromium-driver); the browser tests are SKIPPED";

  private HeadlessChromium() {}

  /** The browser and the driver, if both are installed. */
  public static Optional<Path[]> find() {
    Optional<Path> browser = onPath(List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"));
    Optional<Path> driver = onPath(List.of("chromedriver"));
    if (browser.isEmpty() || driver.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Path[] {browser.get(), driver.get()});
  }

  public static WebDriver start(Path[] found) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(found[0].toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1440,1500", "--force-device-scale-factor=1");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(found[1].toFile())
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(60))
        .build();
    return new ChromeDriver(service, options);
  }

  /** Saves a screenshot as build output ({@code target/console-screenshots/}) and in /tmp. */
  static Path screenshot(WebDriver driver, String name) {
    return screenshot(driver, "console-screenshots", name);
  }

  /** Saves a screenshot as build output ({@code target/<folder>/<name>.png}) and in /tmp. */
  public static Path screenshot(WebDriver driver, String folder, String name) {
    try {
      ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path dir = Path.of("target", folder);
      Files.createDirectories(dir);
      Path kept = dir.resolve(name + ".png");
      Files.copy(shot.toPath(), kept, StandardCopyOption.REPLACE_EXISTING);
      Files.copy(shot.toPath(), Path.of(System.getProperty("java.io.tmpdir"), "clix-" + name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
      return kept;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(List<String> names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
