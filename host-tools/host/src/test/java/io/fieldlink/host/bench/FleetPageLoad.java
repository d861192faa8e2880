package io.fieldlink.host.bench;

import io.fieldlink.host.HostFixture;
import io.fieldlink.host.HostServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * How the fleet page copes with a large fleet: provisions N devices (default 10,000) on a real
 * host over HTTP, gives each one reading over plain CoAP, then measures {@code GET /api/fleet}
 * (latency, bytes raw and gzipped) and, in headless Chromium, the time from signing in to the
 * fleet page drawn and from typing a search to the filtered list. Prints a table for BENCHMARKS.md.
 * Usage: {@code FleetPageLoad [devices]}.
 */
public final class FleetPageLoad {
    private FleetPageLoad() {
    }

    @io.fieldlink.host.SuppressForbidden(reason = "a load generator prints its report")
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("fleet-page-load");
        try (HostServer host = HostFixture.start(dir)) {
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<?>> jobs = IntStream.range(0, n).mapToObj(i -> pool.submit(() -> {
                String kind = i % 20 == 0 ? "pump" : i % 10 == 0 ? "wellhead" : "meter";
                HostFixture.provision(host, String.format("d%05d", i), kind);
            })).collect(java.util.stream.Collectors.toList());
            for (Future<?> f : jobs) {
                f.get();
            }
            System.out.printf("provisioned %d devices in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            long now = System.currentTimeMillis();
            jobs = IntStream.range(0, n).filter(i -> i % 7 != 0).mapToObj(i -> pool.submit(() -> {
                String id = String.format("d%05d", i);
                String ch = i % 20 == 0 ? "storage_pressure" : i % 10 == 0 ? "tubing_pressure" : "balance";
                HostFixture.Reply r = HostFixture.http(host.httpPort(), "GET", "/health", null, null);
                if (r.status() != 200) {
                    throw new IllegalStateException("host unhealthy");
                }
                io.fieldlink.host.web.BenchBoards.send(host, id, now, ch, 1000 + i);
            })).collect(java.util.stream.Collectors.toList());
            for (Future<?> f : jobs) {
                f.get();
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            System.out.printf("one reading each for %d devices in %.1f s%n", jobs.size(), (System.nanoTime() - t0) / 1e9);

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + host.httpPort();
            long[] ms = new long[21];
            int raw = 0;
            int gz = 0;
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/fleet"))
                        .header("Authorization", "Bearer " + host.operatorKey()).build(), HttpResponse.BodyHandlers.ofByteArray());
                ms[i] = (System.nanoTime() - s) / 1_000_000;
                raw = r.body().length;
                HttpResponse<byte[]> z = http.send(HttpRequest.newBuilder(URI.create(base + "/api/fleet"))
                        .header("Authorization", "Bearer " + host.operatorKey()).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                gz = z.body().length;
            }
            long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(warm);
            System.out.printf("GET /api/fleet: p50 %d ms, max %d ms, %d bytes, %d gzipped%n", warm[warm.length / 2],
                    warm[warm.length - 1], raw, gz);

            ChromeOptions o = new ChromeOptions().setBinary(new java.io.File("/usr/bin/chromium"))
                    .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
            ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build(), o);
            try {
                for (int round = 0; round < 3; round++) {
                    browser.get(base + "/ui/");
                    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
                    browser.get(base + "/ui/#/fleet");
                    browser.findElement(By.id("api-key")).sendKeys(host.operatorKey());
                    long s = System.nanoTime();
                    browser.findElement(By.id("sign-in-button")).click();
                    while (browser.findElements(By.cssSelector("[data-page=fleet][data-loaded=true]")).isEmpty()) {
                        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                    }
                    long loaded = (System.nanoTime() - s) / 1_000_000;
                    int rows = browser.findElements(By.cssSelector("#fleet-list .row")).size();
                    s = System.nanoTime();
                    browser.findElement(By.id("fleet-search")).sendKeys("d0999");
                    while (browser.findElements(By.cssSelector("#fleet-list .row")).size() != 10) {
                        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                    }
                    long filtered = (System.nanoTime() - s) / 1_000_000;
                    System.out.printf("browser round %d: signed in to %d devices listed (%d rows in the DOM) in %d ms; "
                            + "search typed to 10 rows in %d ms%n", round, n, rows, loaded, filtered);
                }
            } finally {
                browser.quit();
            }
        }
    }
}
