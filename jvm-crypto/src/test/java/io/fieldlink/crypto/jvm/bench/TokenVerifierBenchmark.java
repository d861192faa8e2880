package io.fieldlink.crypto.jvm.bench;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.protocol.crypto.Hex;
import io.fieldlink.protocol.token.BookingRules;
import io.fieldlink.protocol.token.CreditRules;
import io.fieldlink.protocol.token.CreditTokenWindow;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.UsedBookingTokens;
import io.fieldlink.protocol.token.Verdict;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole token check as a device does it (text to verdict: Base45, COSE, Ed25519, claims, rules),
 * target &lt; 200 µs; the Ed25519 verify alone for comparison; and minting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerifierBenchmark {
    private static final long NOW = 1_700_000_000L;

    private TokenMint mint;
    private TokenVerifier verifier;
    private String credit;
    private String booking;
    private CreditRules meter;
    private BookingRules pump;
    private CreditTokenWindow window;
    private UsedBookingTokens used;
    private byte[] publicKey;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void setUp() {
        IssuerKeyPair key = IssuerKeyPair.fromSeed(
                Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        mint = new TokenMint(key);
        verifier = new TokenVerifier(BouncyCastleCrypto.INSTANCE, mint.trustedKeys());
        credit = mint.credit("MTR-0042", 17, 25_000);
        booking = mint.booking("ST-7", 77, 12_000, NOW, NOW + 1_800, NOW + 3_600, 2);
        meter = new CreditRules("MTR-0042", 1_000_000);
        pump = new BookingRules("ST-7", 2, 300, 20_000);
        window = new CreditTokenWindow();
        used = new UsedBookingTokens(64);
        publicKey = key.publicKey();
        message = new byte[120];
        signature = key.sign(message);
    }

    @Benchmark
    public Verdict verifyCreditToken() {
        return verifier.verifyCredit(credit, meter, window, NOW);
    }

    @Benchmark
    public Verdict verifyBookingToken() {
        return verifier.verifyBooking(booking, pump, used, NOW);
    }

    @Benchmark
    public boolean ed25519Verify() {
        return BouncyCastleCrypto.INSTANCE.ed25519Verify(publicKey, message, signature);
    }

    @Benchmark
    public String mintCreditToken() {
        return mint.credit("MTR-0042", 18, 25_000);
    }
}
