package io.fieldlink.protocol.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldlink.protocol.base45.Base45;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.cose.Signer;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.crypto.TestCrypto;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TokenVerifierTest {
    private static final long NOW = 1_700_000_000L;
    private static final TestCrypto.KeySigner ISSUER = TestCrypto.signer(TestCrypto.TEST_SEED);
    private static final TestCrypto.KeySigner STRANGER = TestCrypto.signer(Hex.decode(
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    /** Claims the issuer's key id but signs with another key. */
    private static final Signer FORGER = new Signer() {
        @Override
        public byte[] keyId() {
            return ISSUER.keyId();
        }

        @Override
        public byte[] sign(byte[] message) {
            return STRANGER.sign(message);
        }
    };

    private static final CreditRules METER = new CreditRules("MTR-0042", 100_000_000L);
    private static final BookingRules PUMP = new BookingRules("ST-7", 2, 300, 20_000);

    private final TokenVerifier verifier = new TokenVerifier(TestCrypto.INSTANCE,
            new TrustedKeys().add(ISSUER.keyId(), ISSUER.publicKey()));

    private static String token(TokenClaims claims) {
        return TokenText.encode(claims, ISSUER);
    }

    private static String signedPayload(byte[] payload) {
        return TokenText.PREFIX + Base45.encode(CoseSign1.sign(payload, ISSUER).encode());
    }

    private static TokenClaims credit(long id, long amount) {
        return TokenClaims.credit("MTR-0042", id, amount);
    }

    private static TokenClaims booking() {
        return TokenClaims.booking("ST-7", 77, 12_000, NOW - 60, NOW + 1_800, NOW + 3_600);
    }

    private static CreditTokenWindow windowWith(long... ids) {
        CreditTokenWindow w = new CreditTokenWindow();
        for (long id : ids) {
            w.accept(id);
        }
        return w;
    }

    record Case(String name, String text, Supplier<Object> state, VerdictReason expected) {
    }

    private static List<Case> creditCases() {
        List<Case> cases = new ArrayList<>();
        Supplier<Object> fresh = CreditTokenWindow::new;
        cases.add(new Case("a fresh credit token", token(credit(5, 25_000)), fresh, VerdictReason.OK));
        cases.add(new Case("an out-of-order id inside the window", token(credit(5, 25_000)), () -> windowWith(6, 60),
                VerdictReason.OK));
        cases.add(new Case("text without the prefix", "HELLO", fresh, VerdictReason.MALFORMED));
        cases.add(new Case("prefix and bad base45", "FL1:abc", fresh, VerdictReason.MALFORMED));
        cases.add(new Case("base45 of something not COSE", "FL1:" + Base45.encode(new byte[] {1, 2, 3}), fresh,
                VerdictReason.MALFORMED));
        cases.add(new Case("signed claims that are not a map", signedPayload(new byte[] {0x01}), fresh,
                VerdictReason.MALFORMED));
        cases.add(new Case("a token from an untrusted issuer", TokenText.encode(credit(5, 25_000), STRANGER), fresh,
                VerdictReason.UNKNOWN_KEY));
        cases.add(new Case("a forged signature", TokenText.encode(credit(5, 25_000), FORGER), fresh,
                VerdictReason.BAD_SIGNATURE));
        cases.add(new Case("a booking shown to a meter", token(booking()), fresh, VerdictReason.WRONG_TYPE));
        cases.add(new Case("credit for another meter", token(TokenClaims.credit("MTR-0043", 5, 25_000)), fresh,
                VerdictReason.WRONG_SUBJECT));
        cases.add(new Case("credit not valid yet", token(credit(5, 25_000).withNotBefore(NOW + 1)), fresh,
                VerdictReason.NOT_YET_VALID));
        cases.add(new Case("credit that expired", token(credit(5, 25_000).withExpiry(NOW)), fresh,
                VerdictReason.EXPIRED));
        cases.add(new Case("credit valid until a second from now", token(credit(5, 25_000).withExpiry(NOW + 1)),
                fresh, VerdictReason.OK));
        cases.add(new Case("a used credit id", token(credit(5, 25_000)), () -> windowWith(5), VerdictReason.REPLAYED));
        cases.add(new Case("an id older than the window", token(credit(5, 25_000)), () -> windowWith(69),
                VerdictReason.REPLAYED));
        cases.add(new Case("an amount above the meter's limit", token(credit(5, 100_000_001L)), fresh,
                VerdictReason.OVER_LIMIT));
        return cases;
    }

    private static UsedBookingTokens usedWith(int capacity, long... ids) {
        UsedBookingTokens used = new UsedBookingTokens(capacity);
        for (long id : ids) {
            used.accept(id, NOW + 10, NOW);
        }
        return used;
    }

    private static List<Case> bookingCases() {
        List<Case> cases = new ArrayList<>();
        Supplier<Object> empty = () -> new UsedBookingTokens(4);
        cases.add(new Case("a booking for any pump", token(booking()), empty, VerdictReason.OK));
        cases.add(new Case("a booking for this pump", token(booking().withPump(2)), empty, VerdictReason.OK));
        cases.add(new Case("a booking within the grace before its slot",
                token(TokenClaims.booking("ST-7", 77, 12_000, NOW + 300, NOW + 1_800, NOW + 3_600)), empty,
                VerdictReason.OK));
        cases.add(new Case("a booking within the grace after its slot",
                token(TokenClaims.booking("ST-7", 77, 12_000, NOW - 1_800, NOW - 300, NOW + 3_600)), empty,
                VerdictReason.OK));
        cases.add(new Case("garbage", "FL1:%%%", empty, VerdictReason.MALFORMED));
        cases.add(new Case("a booking from an untrusted issuer", TokenText.encode(booking(), STRANGER), empty,
                VerdictReason.UNKNOWN_KEY));
        cases.add(new Case("a forged booking", TokenText.encode(booking(), FORGER), empty, VerdictReason.BAD_SIGNATURE));
        cases.add(new Case("credit shown to a pump", token(credit(1, 1_000)), empty, VerdictReason.WRONG_TYPE));
        cases.add(new Case("a booking at another station",
                token(TokenClaims.booking("ST-8", 77, 12_000, NOW - 60, NOW + 1_800, NOW + 3_600)), empty,
                VerdictReason.WRONG_SUBJECT));
        cases.add(new Case("a booking for another pump", token(booking().withPump(3)), empty,
                VerdictReason.WRONG_SUBJECT));
        cases.add(new Case("a booking not valid yet", token(booking().withNotBefore(NOW + 5)), empty,
                VerdictReason.NOT_YET_VALID));
        cases.add(new Case("a booking before its slot and grace",
                token(TokenClaims.booking("ST-7", 77, 12_000, NOW + 301, NOW + 1_800, NOW + 3_600)), empty,
                VerdictReason.NOT_YET_VALID));
        cases.add(new Case("a booking after its slot and grace",
                token(TokenClaims.booking("ST-7", 77, 12_000, NOW - 1_800, NOW - 301, NOW + 3_600)), empty,
                VerdictReason.EXPIRED));
        cases.add(new Case("an expired booking",
                token(TokenClaims.booking("ST-7", 77, 12_000, NOW - 1_800, NOW - 900, NOW)), empty,
                VerdictReason.EXPIRED));
        cases.add(new Case("a used booking", token(booking()), () -> usedWith(4, 77), VerdictReason.REPLAYED));
        cases.add(new Case("a quantity above the pump's limit",
                token(TokenClaims.booking("ST-7", 77, 20_001, NOW - 60, NOW + 1_800, NOW + 3_600)), empty,
                VerdictReason.OVER_LIMIT));
        cases.add(new Case("no room to remember another booking", token(booking()), () -> usedWith(2, 1, 2),
                VerdictReason.OVER_LIMIT));
        return cases;
    }

    private Verdict check(Case c, Object state) {
        return state instanceof CreditTokenWindow w
                ? verifier.verifyCredit(c.text(), METER, w, NOW)
                : verifier.verifyBooking(c.text(), PUMP, (UsedBookingTokens) state, NOW);
    }

    private static byte[] bytesOf(Object state) {
        return state instanceof CreditTokenWindow w ? w.toBytes() : ((UsedBookingTokens) state).toBytes();
    }

    @TestFactory
    Stream<DynamicTest> everyVerdictForBothTokenTypes() {
        return Stream.concat(creditCases().stream(), bookingCases().stream()).map(c -> DynamicTest.dynamicTest(
                c.name() + " is " + c.expected().code(), () -> {
                    Object state = c.state().get();
                    byte[] before = bytesOf(state);
                    Verdict verdict = check(c, state);
                    assertThat(verdict.reason()).as(verdict.toString()).isEqualTo(c.expected());
                    assertThat(verdict.detail()).isNotBlank();
                    assertThat(bytesOf(state)).as("verification must not change the state").isEqualTo(before);
                    boolean signed = c.expected() != VerdictReason.MALFORMED && c.expected() != VerdictReason.UNKNOWN_KEY
                            && c.expected() != VerdictReason.BAD_SIGNATURE;
                    assertThat(verdict.claims() != null).isEqualTo(signed);
                }));
    }

    @Test
    void theTablesCoverEveryReasonForBothTypes() {
        for (List<Case> cases : List.of(creditCases(), bookingCases())) {
            Set<VerdictReason> covered = EnumSet.noneOf(VerdictReason.class);
            cases.forEach(c -> covered.add(c.expected()));
            assertThat(covered).containsExactlyInAnyOrder(VerdictReason.values());
        }
    }

    @Test
    void reasonCodesAreStable() {
        assertThat(Stream.of(VerdictReason.values()).map(VerdictReason::code)).containsExactly("ok", "malformed",
                "unknown-key", "bad-signature", "wrong-type", "wrong-subject", "not-yet-valid", "expired",
                "replayed", "over-limit");
        assertThat(VerdictReason.fromCode("replayed")).isEqualTo(VerdictReason.REPLAYED);
        assertThat(VerdictReason.fromCode("nope")).isNull();
    }

    @Test
    void aCommittedCreditTokenIsRefusedAfterTheWindowIsSavedAndRestored() {
        String text = token(credit(5, 25_000));
        CreditTokenWindow window = new CreditTokenWindow();
        Verdict first = verifier.verifyCredit(text, METER, window, NOW);
        assertThat(first.isOk()).isTrue();
        window.accept(first.claims().tokenId());
        CreditTokenWindow afterReboot = CreditTokenWindow.fromBytes(window.toBytes());
        assertThat(verifier.verifyCredit(text, METER, afterReboot, NOW).code()).isEqualTo("replayed");
        assertThat(verifier.verifyCredit(token(credit(4, 25_000)), METER, afterReboot, NOW).isOk()).isTrue();
    }

    @Test
    void aCommittedBookingIsRefusedAfterTheStoreIsSavedAndRestored() {
        String text = token(booking());
        UsedBookingTokens used = new UsedBookingTokens(8);
        Verdict first = verifier.verifyBooking(text, PUMP, used, NOW);
        assertThat(first.isOk()).isTrue();
        used.accept(first.claims().tokenId(), first.claims().expiry(), NOW);
        UsedBookingTokens afterReboot = UsedBookingTokens.fromBytes(used.toBytes(), 8);
        assertThat(verifier.verifyBooking(text, PUMP, afterReboot, NOW + 60).code()).isEqualTo("replayed");
    }

    @Test
    void trailingLineEndsFromAScannerAreIgnored() {
        assertThat(verifier.verifyCredit(token(credit(5, 25_000)) + "\r\n", METER, new CreditTokenWindow(), NOW)
                .isOk()).isTrue();
    }

    /** Verifies that no input makes the decoder throw: every mutation ends in a verdict. */
    @Test
    void fuzzedTokensOnlyEverGetACleanVerdict() {
        Random random = new Random(20261121L);
        String good = token(booking().withPump(2));
        byte[] cose = TokenText.decode(good).encode();
        byte[] claims = TokenClaimsCodec.encode(booking().withPump(2));
        Set<VerdictReason> seen = EnumSet.noneOf(VerdictReason.class);
        for (int i = 0; i < 8_000; i++) {
            String text = switch (i % 4) {
                case 0 -> mutateText(good, random);
                case 1 -> TokenText.PREFIX + Base45.encode(mutate(cose, random));
                case 2 -> signedPayload(mutate(claims, random));
                default -> TokenText.PREFIX + Base45.encode(randomBytes(random));
            };
            Verdict verdict = verifier.verifyBooking(text, PUMP, new UsedBookingTokens(4), NOW);
            assertThat(verdict.reason()).isNotNull();
            seen.add(verdict.reason());
            if (verdict.reason() == VerdictReason.MALFORMED) {
                assertThat(verdict.claims()).isNull();
            }
        }
        assertThat(seen).contains(VerdictReason.MALFORMED, VerdictReason.BAD_SIGNATURE);
    }

    private static String mutateText(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 1 -> b.deleteCharAt(at);
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = java.util.Arrays.copyOf(out, Math.max(1, at));
                default -> out[at] = (byte) (0x18 + random.nextInt(8) | (random.nextInt(8) << 5));
            }
        }
        return out;
    }

    private static byte[] randomBytes(Random random) {
        byte[] out = new byte[random.nextInt(200)];
        random.nextBytes(out);
        return out;
    }
}
