package io.fieldlink.protocol.senml;

/** Examples of RFC 8428 §5 and §6, as published. */
final class Rfc8428Examples {
    private Rfc8428Examples() {
    }

    /** §5.1.1. */
    static final String SINGLE = "[{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"Cel\",\"v\":23.1}]";

    /** §5.1.2, first example. */
    static final String TWO = "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"voltage\",\"u\":\"V\",\"v\":120.1},"
            + "{\"n\":\"current\",\"u\":\"A\",\"v\":1.2}]";

    /** §5.1.2, second example. */
    static final String SERIES = "[{\"bn\":\"urn:dev:ow:10e2073a0108006:\",\"bt\":1.276020076001e+09,"
            + "\"bu\":\"A\",\"bver\":5,\"n\":\"voltage\",\"u\":\"V\",\"v\":120.1},"
            + "{\"n\":\"current\",\"t\":-5,\"v\":1.2},{\"n\":\"current\",\"t\":-4,\"v\":1.3},"
            + "{\"n\":\"current\",\"t\":-3,\"v\":1.4},{\"n\":\"current\",\"t\":-2,\"v\":1.5},"
            + "{\"n\":\"current\",\"t\":-1,\"v\":1.6},{\"n\":\"current\",\"v\":1.7}]";

    /** §6: the second §5.1.2 example in CBOR (its last record carries t: 0). */
    static final String SERIES_CBOR_HEX = "87a721781b75726e3a6465763a6f773a3130653230373361303130383030363a22fb41d303a15b0010622361412005006776"
            + "6f6c7461676501615602fb405e066666666666a3006763757272656e74062402fb3ff3333333333333a3006763757272656e"
            + "74062302fb3ff4cccccccccccda3006763757272656e74062202fb3ff6666666666666a3006763757272656e74062102f93e"
            + "00a3006763757272656e74062002fb3ff999999999999aa3006763757272656e74060002fb3ffb333333333333";

    /** §5.1.3. */
    static final String MEASUREMENTS = "[{\"bn\":\"urn:dev:ow:10e2073a01080063\",\"bt\":1.320067464e+09,\"bu\":\"%RH\",\"v\":20.0},"
            + "{\"u\":\"lon\",\"v\":24.30621},{\"u\":\"lat\",\"v\":60.07965},"
            + "{\"t\":60,\"v\":20.3},{\"u\":\"lon\",\"t\":60,\"v\":24.30622},{\"u\":\"lat\",\"t\":60,\"v\":60.07965},"
            + "{\"t\":120,\"v\":20.7},{\"u\":\"lon\",\"t\":120,\"v\":24.30623},{\"u\":\"lat\",\"t\":120,\"v\":60.07966},"
            + "{\"u\":\"%EL\",\"t\":150,\"v\":98.0},"
            + "{\"t\":180,\"v\":21.2},{\"u\":\"lon\",\"t\":180,\"v\":24.30628},{\"u\":\"lat\",\"t\":180,\"v\":60.07967}]";

    /** §5.1.4. */
    static final String RESOLVED = "[{\"n\":\"urn:dev:ow:10e2073a01080063:temp\",\"t\":1.320067464e+09,\"u\":\"Cel\",\"v\":23.5},"
            + "{\"n\":\"urn:dev:ow:10e2073a01080063:temp\",\"t\":1.320067524e+09,\"u\":\"Cel\",\"v\":23.6}]";

    /** §5.1.5. */
    static final String TYPES = "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"temp\",\"u\":\"Cel\",\"v\":23.1},"
            + "{\"n\":\"label\",\"vs\":\"Machine Room\"},{\"n\":\"open\",\"vb\":false},{\"n\":\"nfc-reader\",\"vd\":\"aGkgCg\"}]";
}
