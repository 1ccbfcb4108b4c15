package dev.converge.rollout.ui;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Debian's Chromium and chromedriver, driven by Selenium. Both binaries are named explicitly so that Selenium
 * Manager never tries to download a browser or a driver (there is no internet here, and tests must not need it).
 */
public final class Chromium {
    public static final Path BROWSER = Path.of(System.getProperty("converge.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("converge.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    public static ChromeDriver start(Path targetDir) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile = targetDir.resolve("chromium-profile-" + UUID.randomUUID());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(targetDir.resolve("chromedriver.log").toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves a screenshot of the whole page (the window is grown to the document height first). */
    public static Path screenshot(ChromeDriver driver, Path file) {
        Object height = driver.executeScript("return Math.max(document.documentElement.scrollHeight, 600)");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, ((Number) height).intValue() + 200));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(file.getParent());
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
        return file;
    }
}
