package io.fieldlink.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.host.ledger.Checkpoint;
import io.fieldlink.host.ledger.MerkleHashing;
import io.fieldlink.host.ledger.MerkleTree;
import io.fieldlink.protocol.record.Alarm;
import io.fieldlink.protocol.record.AlarmLevel;
import io.fieldlink.protocol.record.Sale;
import io.fieldlink.protocol.record.ShutIn;
import io.fieldlink.protocol.record.TokenRedemption;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver, driven over WebDriver)
 * against a real host on loopback, with devices provisioned through the API and data sent by boards
 * over real CoAP. Each test leaves a screenshot in {@code target/screenshots}. One browser and one
 * host serve the whole class, to stay quick.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("fieldlink.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("fieldlink.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Pause between two looks at the page while polling with a deadline. */
    private static final long POLL_NANOS = 50_000_000L;

    @TempDir
    static Path dir;
    HostServer host;
    PlainBoards boards;
    ChromeDriver browser;
    String base;
    final long now = System.currentTimeMillis();

    @BeforeAll
    void start() throws IOException {
        assertThat(CHROMIUM).as("headless browser tests need Debian's chromium (apt-get install chromium "
                + "chromium-driver; ./fieldlink test installs them as root)").isExecutable();
        assertThat(DRIVER).as("headless browser tests need chromium-driver").isExecutable();
        Files.createDirectories(SCREENSHOTS);
        host = HostFixture.start(dir);
        base = "http://127.0.0.1:" + host.httpPort();
        boards = new PlainBoards(host);
        fleet();
        ChromeOptions o = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1000", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
        browser = new ChromeDriver(service, o);
        browser.manage().timeouts().scriptTimeout(WAIT);
    }

    /** 12 meters, 4 pumps and 4 wells; all but the last meter report; one well is shut in. */
    private void fleet() {
        for (int i = 1; i <= 12; i++) {
            String id = String.format("meter-%03d", i);
            HostFixture.provision(host, id, "meter");
            if (i < 12) {
                for (int k = 5; k >= 0; k--) {
                    boards.readings(id, now - k * 60_000L, "voltage", 228 + i * 0.1 + k, "active_power", 400 + 10 * k,
                            "balance", 50_000 - 100 * k + i);
                }
            }
        }
        boards.readings("meter-001", now - 30_000, "relay_closed", 0);
        for (int i = 1; i <= 4; i++) {
            String id = "pump-" + i;
            HostFixture.provision(host, id, "pump");
            boards.readings(id, now - 60_000, "storage_pressure", 24_000 - i, "nozzle", 0);
            boards.events(id, now - 50_000, new Sale(7, 4_200, 950_000, 3_990_000, now - 90_000, now - 50_000, 1),
                    new TokenRedemption(7, TokenRedemption.KIND_BOOKING, 0, 4_200),
                    new TokenRedemption(8, TokenRedemption.KIND_BOOKING, 7, 0));
        }
        for (int i = 1; i <= 4; i++) {
            String id = "well-" + i;
            HostFixture.provision(host, id, "wellhead");
            for (int k = 3; k >= 0; k--) {
                boards.readings(id, now - k * 60_000L, "tubing_pressure", 9_000 + 100 * k, "casing_pressure", 800,
                        "oil_flow", 120 - k, "gas_flow", 900, "water_flow", 30);
            }
        }
        boards.events("well-2", now - 20_000, new Alarm("tubing_pressure", AlarmLevel.HIGH_HIGH, 13_900, true),
                ShutIn.latched(ShutIn.CAUSE_PSH, 13_900));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (boards != null) {
            boards.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @BeforeEach
    void freshTab() {
        browser.get(base + "/ui/");
        js("sessionStorage.clear()");
        browser.get(base + "/ui/#/fleet");
    }

    @Test
    void signsInWithAnApiKeyThatNeverAppearsInTheUrl(TestInfo t) {
        WebElement form = until("the sign-in form", () -> visible(By.id("sign-in-form")));
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).as("navigation before signing in").isFalse();
        browser.findElement(By.id("api-key")).sendKeys("flk_not_a_key");
        form.submit();
        until("the refusal", () -> text(By.id("sign-in-error")).contains("not accepted") ? true : null);
        screenshot(t, "refused");
        WebElement key = browser.findElement(By.id("api-key"));
        key.clear();
        key.sendKeys(host.operatorKey());
        browser.findElement(By.id("sign-in-button")).click();
        until("the fleet page", () -> present(By.cssSelector("[data-page=fleet][data-loaded=true]")));
        assertThat(browser.getCurrentUrl()).doesNotContain(host.operatorKey()).doesNotContain("flk_");
        assertThat(js("return sessionStorage.getItem('fieldlink.apiKey')")).isEqualTo(host.operatorKey());
        assertThat(js("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.findElement(By.id("api-key")).getAttribute("value")).isEmpty();
        until("the live connection", () -> "on".equals(browser.findElement(By.id("live-state")).getAttribute("data-state")) ? true : null);
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
        screenshot(t, "signed-in");
        browser.findElement(By.id("sign-out")).click();
        until("the sign-in form again", () -> visible(By.id("sign-in-form")));
        assertThat(js("return sessionStorage.getItem('fieldlink.apiKey')")).isNull();
        assertThat(present(By.cssSelector("[data-page]"))).as("no page left after signing out").isNull();
    }

    @Test
    void fleetPageShowsEveryDeviceWithCountsAndFilters(TestInfo t) {
        signIn();
        until("the fleet", () -> present(By.cssSelector("[data-page=fleet][data-loaded=true]")));
        assertThat(text(By.cssSelector("[data-count=total] b"))).isEqualTo("20");
        assertThat(text(By.cssSelector("[data-count=alarm] b"))).isEqualTo("1");
        assertThat(text(By.cssSelector("[data-count=offline] b"))).isEqualTo("1");
        assertThat(text(By.cssSelector("[data-count=online] b"))).isEqualTo("18");
        WebElement m1 = browser.findElement(By.cssSelector("[data-device=meter-001]"));
        assertThat(m1.getText()).contains("meter").contains("online").contains("balance 50.00");
        assertThat(browser.findElement(By.cssSelector("[data-device=well-2]")).getText()).contains("alarm");
        screenshot(t, "all");
        browser.findElement(By.id("fleet-search")).sendKeys("well");
        until("only wells", () -> rows().size() == 4 ? true : null);
        assertThat(rows()).allSatisfy(r -> assertThat(r.getAttribute("data-device")).startsWith("well-"));
        browser.findElement(By.id("fleet-search")).clear();
        browser.findElement(By.cssSelector("[data-count=alarm]")).click();
        until("only the alarm", () -> rows().size() == 1 ? true : null);
        assertThat(rows().get(0).getAttribute("data-device")).isEqualTo("well-2");
        screenshot(t, "alarm-filter");
    }

    @Test
    void deviceChartShowsNewReadingsLiveWithoutReload(TestInfo t) {
        signIn();
        browser.get(base + "/ui/#/device/meter-003");
        until("the meter page", () -> present(By.cssSelector("[data-page=device][data-loaded=true]")));
        until("the live connection", () -> "on".equals(browser.findElement(By.id("live-state")).getAttribute("data-state")) ? true : null);
        WebElement chart = until("the voltage chart", () -> present(By.cssSelector(".chart[data-channel=voltage]")));
        assertThat(chart.getAttribute("data-points")).isEqualTo("6");
        assertThat(text(By.id("meter-balance"))).startsWith("50.00"); // 50,003 milli-units
        js("window.__sameDocument = true");
        // Keep sending until the page has been told: the browser's watch may land after the first uplink.
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        double volts = 241.25;
        while (!"241.25".equals(chart.getAttribute("data-last")) && System.currentTimeMillis() < deadline) {
            boards.readings("meter-003", System.currentTimeMillis(), "voltage", volts, "balance", 61_000);
            pollUntil(() -> "241.25".equals(chart.getAttribute("data-last")), 1000);
        }
        assertThat(chart.getAttribute("data-last")).isEqualTo("241.25");
        assertThat(Integer.parseInt(chart.getAttribute("data-points"))).isGreaterThanOrEqualTo(7);
        until("the new balance", () -> text(By.id("meter-balance")).startsWith("61.00") ? true : null);
        assertThat(js("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        screenshot(t, "meter-live");
    }

    @Test
    void wellPageShowsShutInAlarmsAndSaysWhatIsNotAvailable(TestInfo t) {
        signIn();
        browser.get(base + "/ui/#/device/well-2");
        until("the well page", () -> present(By.cssSelector("[data-page=device][data-loaded=true]")));
        assertThat(text(By.id("well-shutin"))).startsWith("SHUT IN").contains("PSH");
        assertThat(text(By.id("active-alarms"))).contains("shut-in").contains("tubing_pressure HH");
        assertThat(text(By.id("well-pressures"))).contains("9000 kPa").contains("800 kPa");
        assertThat(browser.findElements(By.cssSelector(".chart[data-channel]"))).hasSize(5);
        assertThat(text(By.id("events"))).contains("shut-in").contains("PSH at 13900 kPa, latched");
        WebElement decline = browser.findElement(By.cssSelector("[data-forecast='Decline curve']"));
        assertThat(decline.findElements(By.cssSelector("[data-na], [data-nodata], .chart.band")))
                .as("a decline chart, 'not enough data yet' (409) or a not-available panel")
                .isNotEmpty();
        screenshot(t, "well");
        browser.get(base + "/ui/#/device/pump-1");
        until("the pump page", () -> present(By.cssSelector("[data-page=device][data-loaded=true]")));
        assertThat(text(By.id("pump-sales"))).contains("1 sale, 4.2 kg, 3,990.00");
        assertThat(text(By.id("pump-verdicts"))).contains("ok 1").contains("expired 1");
        screenshot(t, "pump");
    }

    @Test
    void alertsAndLedgerPagesLoadOrSayTheyAreNotAvailable(TestInfo t) {
        signIn();
        browser.get(base + "/ui/#/alerts");
        until("the alerts page", () -> present(By.cssSelector("[data-page=alerts][data-loaded=true]")));
        assertThat(browser.findElements(By.cssSelector("#alerts [data-na], #alerts table"))).isNotEmpty();
        screenshot(t, "alerts");
        browser.get(base + "/ui/#/ledger");
        until("the ledger page", () -> present(By.cssSelector("[data-page=ledger][data-loaded=true]")));
        assertThat(browser.findElements(By.cssSelector("#ledger [data-na], #ledger #checkpoint"))).isNotEmpty();
        screenshot(t, "ledger");
    }

    @Test
    void ledgerVerifyInTheBrowserAgreesWithTheHostsLedgerCode() {
        IssuerKeyPair key = IssuerKeyPair.generate(new SecureRandom());
        String kid = HexFormat.of().formatHex(key.keyId());
        MerkleTree tree = new MerkleTree();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            byte[] data = ("money event " + i).getBytes(StandardCharsets.UTF_8);
            tree.append(MerkleHashing.leafHash(data));
            entries.add(Map.of("index", i, "data", Base64.getEncoder().encodeToString(data)));
        }
        Checkpoint unsigned = new Checkpoint(7, tree.root(), now, kid, new byte[0]);
        byte[] signature = key.sign(unsigned.signedMessage());
        Map<String, Object> cp = Map.of("size", 7, "root", HexFormat.of().formatHex(tree.root()), "time", now, "kid", kid,
                "signature", Base64.getEncoder().encodeToString(signature));
        Map<String, Object> jwk = Map.of("kty", "OKP", "crv", "Ed25519", "kid", kid,
                "x", Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey()));

        assertThat(verifyInBrowser(cp, jwk, entries)).containsEntry("signature", true).containsEntry("root", true);

        List<Map<String, Object>> tampered = new ArrayList<>(entries);
        tampered.set(3, Map.of("index", 3, "data", Base64.getEncoder().encodeToString("money event X".getBytes(StandardCharsets.UTF_8))));
        assertThat(verifyInBrowser(cp, jwk, tampered)).containsEntry("signature", true).containsEntry("root", false);

        IssuerKeyPair other = IssuerKeyPair.generate(new SecureRandom());
        Map<String, Object> forged = new java.util.HashMap<>(cp);
        forged.put("signature", HexFormat.of().formatHex(other.sign(unsigned.signedMessage())));
        assertThat(verifyInBrowser(forged, jwk, entries)).containsEntry("signature", false).containsEntry("root", true);
    }

    /** Runs the dashboard's checkpoint verifier (ui/ops.js) on the given checkpoint, key and entries. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> verifyInBrowser(Map<String, Object> cp, Map<String, Object> jwk, List<Map<String, Object>> entries) {
        Object out = ((JavascriptExecutor) browser).executeAsyncScript(
                "const [cp, jwk, entries, done] = arguments;"
                + "import('/ui/ops.js').then(async (m) => {"
                + "  const out = {};"
                + "  await m.verifyCheckpoint(cp, (name, ok, detail) => { out[name] = ok; out[name + 'Detail'] = detail; }, {"
                + "    issuerKeys: async () => ({ keys: [jwk] }),"
                + "    entries: async (start, end) => ({ entries: entries.slice(start, end + 1) }) });"
                + "  done(out);"
                + "}).catch((e) => done({ error: String(e) }));", cp, jwk, entries);
        assertThat((Map<String, Object>) out).doesNotContainKey("error");
        return (Map<String, Object>) out;
    }

    @Test
    void topUpShowsTheTokenAndItsQrCode(TestInfo t) {
        signIn();
        browser.get(base + "/ui/#/device/meter-001");
        until("the meter page", () -> present(By.cssSelector("[data-page=device][data-loaded=true]")));
        browser.findElement(By.id("topup-amount")).sendKeys("25");
        browser.findElement(By.id("topup-submit")).click();
        WebElement token = until("the token", () -> present(By.id("topup-token")));
        assertThat(token.getText()).startsWith("FL1:");
        until("the QR code", () -> Long.valueOf(200).compareTo((Long) js(
                "const i = document.getElementById('topup-qr'); return i && i.complete ? i.naturalWidth : 0")) <= 0 ? true : null);
        screenshot(t, "topup");
    }

    private void signIn() {
        until("the sign-in form", () -> visible(By.id("sign-in-form")));
        browser.findElement(By.id("api-key")).sendKeys(host.operatorKey());
        browser.findElement(By.id("sign-in-button")).click();
        until("signed in", () -> present(By.cssSelector("[data-page=fleet][data-loaded=true]")));
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#fleet-list .row"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String text(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private WebElement present(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }

    private WebElement visible(By by) {
        WebElement e = present(by);
        return e != null && e.isDisplayed() ? e : null;
    }

    /** Polls {@code probe} until it gives non-null; fails naming {@code what} after {@link #WAIT}. */
    private <T> T until(String what, Supplier<T> probe) {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (true) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; page shows: "
                        + browser.findElement(By.tagName("body")).getText());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static void pollUntil(Supplier<Boolean> done, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!done.get() && System.currentTimeMillis() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void screenshot(TestInfo t, String name) {
        try {
            Files.write(SCREENSHOTS.resolve(t.getTestMethod().orElseThrow().getName() + "-" + name + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new AssertionError("cannot save the screenshot: " + e, e);
        }
    }
}
