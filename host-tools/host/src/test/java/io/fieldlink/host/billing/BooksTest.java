package io.fieldlink.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fieldlink.host.HandClock;
import io.fieldlink.host.billing.accounts.AccountBooks;
import io.fieldlink.host.billing.accounts.AccountReports;
import io.fieldlink.host.billing.accounts.TopUps;
import io.fieldlink.host.billing.production.ProductionBooks;
import io.fieldlink.host.billing.station.StationBooks;
import io.fieldlink.host.billing.tariff.Tariffs;
import io.fieldlink.host.ingest.Event;
import io.fieldlink.host.ingest.Reading;
import io.fieldlink.host.ingest.Uplink;
import io.fieldlink.host.json.JsonReader;
import io.fieldlink.host.ledger.LedgerEntry;
import io.fieldlink.host.ledger.MoneyEventKind;
import io.fieldlink.host.registry.BoardKind;
import io.fieldlink.host.store.billing.StoreTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The books fed by stored uplinks: void and re-issue, reconciliation, statements, station sales, production. */
class BooksTest {
    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2026-05-04T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;
    final HandClock clock = new HandClock(T0);
    BooksRig rig;
    long seq = 1;

    @BeforeEach
    void open() {
        rig = new BooksRig(dir, clock, null);
        rig.committer.write(() -> {
            rig.registry.provision("m", BoardKind.METER, T0);
            rig.registry.provision("p1", BoardKind.PUMP, T0);
            rig.registry.provision("w1", BoardKind.WELLHEAD, T0);
            rig.registry.provision("w2", BoardKind.WELLHEAD, T0);
            return null;
        });
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private void send(String device, List<Reading> readings, List<Event> events) {
        rig.ingest.submit(new Uplink(device, seq++, readings, events, clock.millis())).join();
    }

    private void redeem(long tokenId, long amount, long t) {
        send("m", List.of(), List.of(new Event("token-redemption", t, "{\"tokenId\":" + tokenId
                + ",\"kind\":\"credit\",\"reason\":0,\"accepted\":true,\"amount\":" + amount + "}")));
    }

    private void pack(long t, long balance, long energy, long charged) {
        send("m", List.of(new Reading("balance", t, balance), new Reading("energy", t, energy),
                new Reading("charged", t, charged)), List.of());
    }

    private TopUps.Issued issue(long amount, String request) {
        return rig.committer.write(() -> rig.billing.topUps().issue("m", amount, request, clock.millis()));
    }

    @Test
    void aTokenOutOfTheWindowIsVoidedAndReissuedNeverBothHonoured() {
        long lostId = issue(10_000, "lost").topUp().tokenId();
        for (int i = 1; i <= 64; i++) {
            long id = issue(1_000, "r" + i).topUp().tokenId();
            redeem(id, 1_000, T0 + i);
        }
        assertThatThrownBy(() -> rig.committer.write(() -> rig.billing.topUps().voidAndReissue("m", lostId, T0)))
                .as("64 below the highest is still in the window").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("may still be accepted");
        long id = issue(1_000, "r65").topUp().tokenId();
        redeem(id, 1_000, T0 + 65);
        AccountBooks.TopUp fresh = rig.committer.write(() -> rig.billing.topUps().voidAndReissue("m", lostId, T0));
        assertThat(fresh.tokenId()).isEqualTo(id + 1);
        assertThat(fresh.amount()).isEqualTo(10_000);
        assertThat(rig.billing.accounts().topUp("m", lostId).orElseThrow().status()).isEqualTo("voided");
        assertThatThrownBy(() -> rig.committer.write(() -> rig.billing.topUps().voidAndReissue("m", lostId, T0)))
                .isInstanceOf(IllegalStateException.class);
        String report = new AccountReports(rig.billing.accounts()).reconciliation();
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) JsonReader.parseObject(report).get("totals");
        assertThat(totals.get("issued").toString()).isEqualTo("85000");
        assertThat(totals.get("redeemed").toString()).isEqualTo("65000");
        assertThat(totals.get("voided").toString()).isEqualTo("10000");
        assertThat(totals.get("outstanding").toString()).isEqualTo("10000");
        long voids = 0;
        for (long i = 0; i < rig.billing.ledger().size(); i++) {
            LedgerEntry e = rig.billing.ledger().entry(i);
            if (e.kind() == MoneyEventKind.TOPUP_VOIDED) {
                voids++;
                assertThat(e.amountMilli()).isEqualTo(-10_000);
            }
        }
        assertThat(voids).isEqualTo(1);
    }

    @Test
    void aMeterWhoseBalanceDisagreesIsListed() {
        issue(50_000, "a");
        redeem(0, 50_000, T0 + HOUR);
        pack(T0 + 2 * HOUR, 45_000, 30, 5_000);
        AccountReports reports = new AccountReports(rig.billing.accounts());
        assertThat(reports.check("m").orElseThrow().mismatch()).isFalse();
        pack(T0 + 3 * HOUR, 44_000, 35, 5_500);
        AccountReports.Check c = reports.check("m").orElseThrow();
        assertThat(c.mismatch()).isTrue();
        assertThat(c.expected()).isEqualTo(44_500);
        assertThat(reports.reconciliation()).contains("\"meter\":\"m\"", "\"difference\":-500");
    }

    @Test
    void statementHasBandsTopUpsEmergencyAndDailyCharges() {
        rig.committer.write(() -> {
            Tariffs t = rig.billing.tariffs();
            t.define(JsonReader.parseObject("{\"name\":\"tou\",\"bands\":[{\"start\":\"00:00\",\"price\":100000},"
                    + "{\"start\":\"07:00\",\"price\":200000}]}"));
            return t.assign("m", 1, T0, T0);
        });
        issue(50_000, "a");
        redeem(0, 50_000, T0 + HOUR);
        pack(T0 + HOUR, 50_000, 0, 0);
        pack(T0 + 2 * HOUR, 49_900, 1, 100);
        pack(T0 + 8 * HOUR, 49_500, 3, 500);
        send("m", List.of(new Reading("emergency_taken", T0 + 9 * HOUR, 5_000)), List.of());
        pack(T0 + 25 * HOUR, 53_000, 5, 1_500);
        String s = new AccountReports(rig.billing.accounts()).statement("m", T0, T0 + 48 * HOUR);
        assertThat(s).contains("\"band\":\"tariff 1 00:00-07:00\",\"energyWh\":3,\"cost\":1100",
                "\"band\":\"tariff 1 07:00-24:00\",\"energyWh\":2,\"cost\":400",
                "\"emergencyCredit\":{\"taken\":5000,\"repaid\":0}",
                "\"dailyCharges\":[{\"day\":\"2026-05-04\",\"amount\":500",
                "\"pendingCharge\":{\"day\":\"2026-05-05\",\"amount\":1000}", "\"topupsIssued\":50000");
    }

    @Test
    void pumpSalesAreBookedPerStationOnceWithDailyRevenue() {
        StationBooks books = new StationBooks(new StoreTables(rig.store), null, null, id -> false);
        rig.committer.write(() -> {
            books.assign("p1", "S1");
            return null;
        });
        rig.close();
        rig = new BooksRig(dir, clock, null);
        Uplink sale = new Uplink("p1", 7, List.of(), List.of(new Event("sale", T0 + HOUR, "{\"tokenId\":1,\"grams\":7500,"
                + "\"unitPrice\":2000,\"amount\":15000,\"start\":1,\"end\":2,\"pump\":2}")), T0);
        rig.ingest.submit(sale).join();
        rig.ingest.submit(sale).join();
        rig.ingest.submit(new Uplink("p1", 8, List.of(), List.of(new Event("sale", T0 + 30 * HOUR, "{\"tokenId\":0,"
                + "\"grams\":1000,\"unitPrice\":2000,\"amount\":2000,\"start\":1,\"end\":2,\"pump\":1}")), T0)).join();
        StationBooks reopened = new StationBooks(new StoreTables(rig.store), null, null, id -> false);
        assertThat(reopened.revenue("S1", T0, T0 + 48 * HOUR)).containsExactly(
                new StationBooks.DayRevenue(T0 / 86_400_000L, 1, 7500, 15000),
                new StationBooks.DayRevenue(T0 / 86_400_000L + 1, 1, 1000, 2000));
        List<String> keys = new ArrayList<>();
        for (long i = 0; i < rig.billing.ledger().size(); i++) {
            keys.add(rig.billing.ledger().entry(i).key());
        }
        assertThat(keys).containsExactly("sale:p1:7", "sale:p1:8");
    }

    @Test
    void productionIsSummedPerWellAndFieldByDay() {
        ProductionBooks books = new ProductionBooks(new StoreTables(rig.store), id -> false);
        rig.committer.write(() -> {
            books.assign("w1", "F");
            books.assign("w2", "F");
            return null;
        });
        // gas days from 06:00 UTC: each total is timed at its gas day's end, the next day 06:00
        long dayEnd = T0 + 30 * HOUR;
        send("w1", List.of(new Reading("daily_oil", dayEnd, 1200), new Reading("daily_gas", dayEnd, 30000),
                new Reading("daily_water", dayEnd, 300), new Reading("daily_unmeasured", dayEnd, 0)), List.of());
        send("w2", List.of(new Reading("daily_oil", dayEnd, 800), new Reading("daily_gas", dayEnd, 10000),
                new Reading("daily_water", dayEnd, 100)), List.of());
        send("w1", List.of(new Reading("daily_oil", dayEnd + 24 * HOUR, 50), new Reading("oil_flow", dayEnd, 999)), List.of());
        long d = T0 / 86_400_000L;
        assertThat(books.well("w1", d, d + 2)).containsExactly(new ProductionBooks.Day(d, 1200, 30000, 300),
                new ProductionBooks.Day(d + 1, 50, 0, 0));
        assertThat(books.field("F", d, d + 1)).containsExactly(new ProductionBooks.Day(d, 2000, 40000, 400));
    }
}
