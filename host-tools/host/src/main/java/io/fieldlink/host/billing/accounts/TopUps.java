package io.fieldlink.host.billing.accounts;

import io.fieldlink.crypto.jvm.IssuerKeyPair;
import io.fieldlink.crypto.jvm.TokenMint;
import io.fieldlink.host.billing.Doc;
import io.fieldlink.host.billing.MoneyBook;
import io.fieldlink.host.json.JsonWriter;
import io.fieldlink.host.ledger.MoneyEventKind;
import io.fieldlink.protocol.cose.CoseSign1;
import io.fieldlink.protocol.record.CreditPushBody;
import io.fieldlink.protocol.token.CreditTokenWindow;
import java.util.function.Supplier;

/**
 * Issues credit: a signed credit token per top-up, with the meter's next token id (above every id the
 * meter reported redeemed), booked as {@code TOPUP_ISSUED} (key {@code topup:<meter>:<token id>}).
 * A request id makes a top-up idempotent: the same id returns the same token. A token the meter can
 * no longer accept (more than {@value CreditTokenWindow#WIDTH} ids below the highest it redeemed) and
 * that it did not redeem may be voided ({@code TOPUP_VOIDED}) and re-issued under a new id: the meter
 * refuses the old id for ever, so never both are honoured. Writes run inside a store write.
 */
public final class TopUps {
    /** Largest top-up, milli-units (the meter's own limit for one amount). */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;
    /** Longest request id. */
    public static final int MAX_REQUEST_ID = 100;

    private final AccountBooks books;
    private final MoneyBook money;
    private final Supplier<IssuerKeyPair> signer;

    /**
     * @param signer the active issuer key at the time of the call
     */
    public TopUps(AccountBooks books, MoneyBook money, Supplier<IssuerKeyPair> signer) {
        this.books = books;
        this.money = money;
        this.signer = signer;
    }

    /** A top-up and whether this call created it. */
    public record Issued(AccountBooks.TopUp topUp, boolean created) {
    }

    /**
     * Issues a token, or returns the one issued before under {@code requestId}.
     *
     * @throws IllegalArgumentException naming the bad field
     * @throws IllegalStateException when the request id was used for another meter or amount
     */
    public Issued issue(String meter, long amountMilli, String requestId, long nowMillis) {
        if (amountMilli <= 0 || amountMilli > MAX_AMOUNT) {
            throw new IllegalArgumentException("field \"amount\" must be 1.." + MAX_AMOUNT + " milli-units");
        }
        if (requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("field \"requestId\" must be 1.." + MAX_REQUEST_ID + " characters");
        }
        String earlier = books.requests.get(requestId);
        if (earlier != null) {
            Doc d = Doc.parse(earlier);
            AccountBooks.TopUp t = books.topUp(d.text("meter", ""), d.num("tokenId", -1)).orElseThrow();
            if (!t.meter().equals(meter) || t.amount() != amountMilli) {
                throw new IllegalStateException("request id '" + requestId + "' was used for " + t.amount()
                        + " milli-units to meter " + t.meter());
            }
            return new Issued(t, false);
        }
        return new Issued(mint(meter, amountMilli, requestId, nowMillis), true);
    }

    private AccountBooks.TopUp mint(String meter, long amountMilli, String requestId, long nowMillis) {
        long next = Long.parseLong(books.counters.getOrDefault(meter, "0"));
        long tokenId = Math.max(next, books.load(meter).highestToken + 1);
        while (true) {
            java.util.Optional<io.fieldlink.host.ledger.LedgerEntry> before = money.find("topup:" + meter + ":" + tokenId);
            if (before.isEmpty() || requestId.equals(Doc.parse(new String(before.get().payload(),
                    java.nio.charset.StandardCharsets.UTF_8)).text("requestId", null))) {
                break;
            }
            orphan(meter, tokenId, before.get(), nowMillis);
            tokenId++;
        }
        IssuerKeyPair key = signer.get();
        String token = new TokenMint(key).credit(meter, tokenId, amountMilli);
        money.record(MoneyEventKind.TOPUP_ISSUED, "topup:" + meter + ":" + tokenId, meter, amountMilli, nowMillis,
                new JsonWriter().beginObject().field("meter", meter).field("tokenId", tokenId)
                        .field("requestId", requestId).endObject());
        AccountBooks.TopUp t = new AccountBooks.TopUp(meter, tokenId, amountMilli, requestId, token, nowMillis, "issued",
                -1, -1, null);
        books.put(t);
        books.counters.put(meter, Long.toString(tokenId + 1));
        books.requests.put(requestId, new JsonWriter().beginObject().field("meter", meter).field("tokenId", tokenId)
                .endObject().toString());
        return t;
    }

    /**
     * A token id the ledger holds as issued by a request whose commit never happened (the host stopped
     * between the ledger append and the commit, and the client did not retry with its request id): no
     * one ever received that token, so it is booked and voided at once.
     */
    private void orphan(String meter, long tokenId, io.fieldlink.host.ledger.LedgerEntry issued, long nowMillis) {
        books.put(new AccountBooks.TopUp(meter, tokenId, issued.amountMilli(), "", "", issued.timeMillis(), "voided", -1, -1,
                "never delivered"));
        money.record(MoneyEventKind.TOPUP_VOIDED, "void:" + meter + ":" + tokenId, meter, -issued.amountMilli(), nowMillis,
                new JsonWriter().beginObject().field("meter", meter).field("tokenId", tokenId)
                        .field("reason", "never delivered").endObject());
    }

    /**
     * @return the COSE_Sign1 of a CREDIT_PUSH carrying this top-up (same id as its token, so the meter
     *     honours one of the two at most)
     */
    public byte[] creditPush(AccountBooks.TopUp t) {
        return CoseSign1.sign(new CreditPushBody(t.meter(), t.tokenId(), t.amount(), t.issuedAt()).encode(), signer.get())
                .encode();
    }

    /** Notes the command that pushes a top-up. */
    public void noteCommand(AccountBooks.TopUp t, long commandId) {
        books.topUp(t.meter(), t.tokenId()).ifPresent(now -> books.put(now.with(now.status(), now.redeemedSeq(), commandId,
                now.replacedBy())));
    }

    /** @return whether the meter can no longer accept this token id (out of its window below the highest) */
    public static boolean outOfWindow(long tokenId, long highestRedeemed) {
        return highestRedeemed - tokenId > CreditTokenWindow.WIDTH;
    }

    /**
     * Voids a token the meter can no longer accept and issues its amount again under a new id.
     *
     * @return the new top-up
     * @throws IllegalArgumentException when there is no such token
     * @throws IllegalStateException when it was redeemed, voided already, or may still be accepted
     */
    public AccountBooks.TopUp voidAndReissue(String meter, long tokenId, long nowMillis) {
        AccountBooks.TopUp t = books.topUp(meter, tokenId)
                .orElseThrow(() -> new IllegalArgumentException("no top-up " + tokenId + " for meter " + meter));
        if (!t.status().equals("issued")) {
            throw new IllegalStateException("top-up " + tokenId + " is " + t.status() + ", not outstanding");
        }
        long highest = books.load(meter).highestToken;
        if (!outOfWindow(tokenId, highest)) {
            throw new IllegalStateException("token " + tokenId + " may still be accepted by the meter (highest redeemed "
                    + highest + ", window " + CreditTokenWindow.WIDTH + "): it cannot be voided yet");
        }
        AccountBooks.TopUp fresh = mint(meter, t.amount(), "reissue:" + meter + ":" + tokenId, nowMillis);
        money.record(MoneyEventKind.TOPUP_VOIDED, "void:" + meter + ":" + tokenId, meter, -t.amount(), nowMillis,
                new JsonWriter().beginObject().field("meter", meter).field("tokenId", tokenId)
                        .field("replacedBy", fresh.tokenId()).endObject());
        books.put(t.with("voided", -1, t.commandId(), Long.toString(fresh.tokenId())));
        return fresh;
    }
}
