package io.fieldlink.fieldctl.token;

import io.fieldlink.crypto.jvm.BouncyCastleCrypto;
import io.fieldlink.fieldctl.ExitCodes;
import io.fieldlink.protocol.token.BookingRules;
import io.fieldlink.protocol.token.CreditRules;
import io.fieldlink.protocol.token.CreditTokenWindow;
import io.fieldlink.protocol.token.TokenClaims;
import io.fieldlink.protocol.token.TokenText;
import io.fieldlink.protocol.token.TokenVerifier;
import io.fieldlink.protocol.token.UsedBookingTokens;
import io.fieldlink.protocol.token.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Signed QR tokens: mint one with an issuer key, or check one as a board would. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Mint and check signed QR tokens.",
        subcommands = {TokenCommand.Mint.class, TokenCommand.Check.class})
public final class TokenCommand {
    /** Mints a credit or a booking token and prints its text. */
    @Command(name = "mint", mixinStandardHelpOptions = true, description = "Mint a credit or booking token; prints the QR text.")
    static final class Mint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, description = "issuer key file")
        Path key;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Kind kind;

        @Option(names = "--id", required = true, description = "token id (credit: the meter's next counter value; booking: the booking id)")
        long id;

        @Option(names = "--amount-milli", description = "credit amount in milli-units")
        Long amountMilli;

        @Option(names = "--grams", description = "booked quantity in grams")
        Long grams;

        @Option(names = "--slot-start", description = "booking slot start, ISO-8601 instant")
        Instant slotStart;

        @Option(names = "--slot-end", description = "booking slot end, ISO-8601 instant")
        Instant slotEnd;

        @Option(names = "--pump", defaultValue = "0", description = "pump number; 0 for any pump (default)")
        int pump;

        @Option(names = "--expires", description = "expiry, ISO-8601 instant (booking default: slot end)")
        Instant expires;

        static final class Kind {
            @Option(names = "--meter", description = "a credit token for this meter id")
            String meter;

            @Option(names = "--station", description = "a booking token for this station id")
            String station;
        }

        @Override
        public Integer call() throws Exception {
            TokenClaims claims;
            if (kind.meter != null) {
                require(amountMilli != null && amountMilli > 0, "a credit token needs --amount-milli > 0");
                claims = TokenClaims.credit(kind.meter, id, amountMilli);
                if (expires != null) {
                    claims = claims.withExpiry(expires.getEpochSecond());
                }
            } else {
                require(grams != null && grams > 0, "a booking token needs --grams > 0");
                require(slotStart != null && slotEnd != null && slotEnd.isAfter(slotStart),
                        "a booking token needs --slot-start before --slot-end");
                claims = TokenClaims.booking(kind.station, id, grams, slotStart.getEpochSecond(), slotEnd.getEpochSecond(),
                        (expires != null ? expires : slotEnd).getEpochSecond());
                if (pump != 0) {
                    claims = claims.withPump(pump);
                }
            }
            spec.commandLine().getOut().println(TokenText.encode(claims, KeyFiles.readIssuer(key)));
            return ExitCodes.OK;
        }
    }

    /** Checks a token offline, as a board with fresh token memory would; exit 0 when accepted, 1 otherwise. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a token offline as a board would; exit 0 if it is accepted, 1 if not.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--trusted", required = true, description = "trusted keys file: '<key id hex> <public key hex>' per line")
        Path trusted;

        @Option(names = "--meter", description = "check as this meter (credit tokens)")
        String meter;

        @Option(names = "--station", description = "check as this station (booking tokens)")
        String station;

        @Option(names = "--pump", defaultValue = "1", description = "the pump checking a booking (default ${DEFAULT-VALUE})")
        int pump;

        @Option(names = "--grace-seconds", defaultValue = "300", description = "slot grace for clock drift (default ${DEFAULT-VALUE})")
        long graceSeconds;

        @Option(names = "--max-amount-milli", defaultValue = "" + Long.MAX_VALUE, description = "largest credit accepted")
        long maxAmountMilli;

        @Option(names = "--max-grams", defaultValue = "" + Long.MAX_VALUE, description = "largest booking accepted")
        long maxGrams;

        @Option(names = "--now", description = "check at this ISO-8601 instant instead of now")
        Instant now;

        @Parameters(paramLabel = "TOKEN", description = "the token text")
        String token;

        @Override
        public Integer call() throws Exception {
            require((meter == null) != (station == null), "give exactly one of --meter or --station");
            TokenVerifier verifier = new TokenVerifier(BouncyCastleCrypto.INSTANCE, KeyFiles.readTrusted(trusted));
            long at = (now != null ? now : Instant.now()).getEpochSecond();
            Verdict verdict = meter != null
                    ? verifier.verifyCredit(token.strip(), new CreditRules(meter, maxAmountMilli), new CreditTokenWindow(), at)
                    : verifier.verifyBooking(token.strip(), new BookingRules(station, pump, graceSeconds, maxGrams), new UsedBookingTokens(16), at);
            PrintWriter out = spec.commandLine().getOut();
            out.println(verdict.code() + (verdict.detail() == null || verdict.detail().isEmpty() ? "" : ": " + verdict.detail()));
            if (verdict.claims() != null) {
                out.println(verdict.claims());
            }
            return verdict.isOk() ? ExitCodes.OK : ExitCodes.REFUSED;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
