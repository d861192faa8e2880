package io.fieldlink.protocol.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verifies every example of RFC 8949 Appendix A: the decoded item prints as the RFC's diagnostic
 * notation (floats in Java's shortest form, indefinite marks dropped), and items already in
 * deterministic form re-encode to the same bytes.
 */
class AppendixATest {
    static Stream<Arguments> examples() {
        return Stream.of(
                ex("00", "0", true), ex("01", "1", true), ex("0a", "10", true), ex("17", "23", true),
                ex("1818", "24", true), ex("1819", "25", true), ex("1864", "100", true),
                ex("1903e8", "1000", true), ex("1a000f4240", "1000000", true),
                ex("1b000000e8d4a51000", "1000000000000", true),
                ex("1bffffffffffffffff", "18446744073709551615", true),
                ex("c249010000000000000000", "2(h'010000000000000000')", true),
                ex("3bffffffffffffffff", "-18446744073709551616", true),
                ex("c349010000000000000000", "3(h'010000000000000000')", true),
                ex("20", "-1", true), ex("29", "-10", true), ex("3863", "-100", true), ex("3903e7", "-1000", true),
                ex("f90000", "0.0", true), ex("f98000", "-0.0", true), ex("f93c00", "1.0", true),
                ex("fb3ff199999999999a", "1.1", true), ex("f93e00", "1.5", true), ex("f97bff", "65504.0", true),
                ex("fa47c35000", "100000.0", true), ex("fa7f7fffff", "3.4028234663852886e+38", true),
                ex("fb7e37e43c8800759c", "1.0e+300", true), ex("f90001", "5.9604644775390625e-8", true) /* JDK 17 Double.toString is not shortest */,
                ex("f90400", "6.103515625e-5", true), ex("f9c400", "-4.0", true), ex("fbc010666666666666", "-4.1", true),
                ex("f97c00", "Infinity", true), ex("f97e00", "NaN", true), ex("f9fc00", "-Infinity", true),
                ex("fa7f800000", "Infinity", false), ex("fa7fc00000", "NaN", false),
                ex("faff800000", "-Infinity", false), ex("fb7ff0000000000000", "Infinity", false),
                ex("fb7ff8000000000000", "NaN", false), ex("fbfff0000000000000", "-Infinity", false),
                ex("f4", "false", true), ex("f5", "true", true), ex("f6", "null", true), ex("f7", "undefined", true),
                ex("f0", "simple(16)", true), ex("f8ff", "simple(255)", true),
                ex("c074323031332d30332d32315432303a30343a30305a", "0(\"2013-03-21T20:04:00Z\")", true),
                ex("c11a514b67b0", "1(1363896240)", true),
                ex("c1fb41d452d9ec200000", "1(1.3638962405e+9)", true),
                ex("d74401020304", "23(h'01020304')", true),
                ex("d818456449455446", "24(h'6449455446')", true),
                ex("d82076687474703a2f2f7777772e6578616d706c652e636f6d", "32(\"http://www.example.com\")", true),
                ex("40", "h''", true), ex("4401020304", "h'01020304'", true),
                ex("60", "\"\"", true), ex("6161", "\"a\"", true), ex("6449455446", "\"IETF\"", true),
                ex("62225c", "\"\\\"\\\\\"", true), ex("62c3bc", "\"\\u00fc\"", true),
                ex("63e6b0b4", "\"\\u6c34\"", true), ex("64f0908591", "\"\\ud800\\udd51\"", true),
                ex("80", "[]", true), ex("83010203", "[1, 2, 3]", true),
                ex("8301820203820405", "[1, [2, 3], [4, 5]]", true),
                ex("98190102030405060708090a0b0c0d0e0f101112131415161718181819", ONE_TO_25, true),
                ex("a0", "{}", true), ex("a201020304", "{1: 2, 3: 4}", true),
                ex("a26161016162820203", "{\"a\": 1, \"b\": [2, 3]}", true),
                ex("826161a161626163", "[\"a\", {\"b\": \"c\"}]", true),
                ex("a56161614161626142616361436164614461656145",
                        "{\"a\": \"A\", \"b\": \"B\", \"c\": \"C\", \"d\": \"D\", \"e\": \"E\"}", true),
                ex("5f42010243030405ff", "h'0102030405'", false),
                ex("7f657374726561646d696e67ff", "\"streaming\"", false),
                ex("9fff", "[]", false),
                ex("9f018202039f0405ffff", "[1, [2, 3], [4, 5]]", false),
                ex("9f01820203820405ff", "[1, [2, 3], [4, 5]]", false),
                ex("83018202039f0405ff", "[1, [2, 3], [4, 5]]", false),
                ex("83019f0203ff820405", "[1, [2, 3], [4, 5]]", false),
                ex("9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff", ONE_TO_25, false),
                ex("bf61610161629f0203ffff", "{\"a\": 1, \"b\": [2, 3]}", false),
                ex("826161bf61626163ff", "[\"a\", {\"b\": \"c\"}]", false),
                ex("bf6346756ef563416d7421ff", "{\"Fun\": true, \"Amt\": -2}", false));
    }

    private static final String ONE_TO_25 = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,"
            + " 21, 22, 23, 24, 25]";

    private static Arguments ex(String hex, String diagnostic, boolean roundTrips) {
        return Arguments.of(hex, diagnostic, roundTrips);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("examples")
    void decodesToTheRfcDiagnosticNotation(String hex, String diagnostic, boolean roundTrips) {
        CborValue value = CborValue.decode(Hex.bytes(hex));

        assertThat(value.toString()).isEqualTo(diagnostic);
    }

    @ParameterizedTest(name = "{0} re-encodes")
    @MethodSource("examples")
    void reEncodesDeterministically(String hex, String diagnostic, boolean roundTrips) {
        CborValue value = CborValue.decode(Hex.bytes(hex));

        byte[] encoded = value.encode();

        if (roundTrips) {
            assertThat(Hex.of(encoded)).isEqualTo(hex);
        }
        assertThat(CborValue.decode(encoded)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} skips")
    @MethodSource("examples")
    void skipAndRawItemCoverTheWholeItem(String hex, String diagnostic, boolean roundTrips) {
        byte[] bytes = Hex.bytes(hex);
        CborReader reader = new CborReader(bytes);

        assertThat(reader.readRawItem()).isEqualTo(bytes);
        assertThat(reader.hasMore()).isFalse();
    }
}
