package io.fieldlink.crypto.jvm;

/** The worked example shown in docs/protocol.md (Tokens); TokenMintTest checks the code still produces it. */
final class DocExample {
    static final String COSE_HEX = "d2844da20127044821fe31dfa154a261a0581ba60101020103684d54522d30303432041105"
            + "1961a8081a6b49d2005840d7fa89fe472729b2014f462345270fc71c22fc1c4c95ba6ec8380f5a733f7534e25005dc59d2c8d"
            + "cef3219c75d17602d1971c2daa2f8ec72e1868d1221075e0d";
    static final String TEXT = "FL1:RRQT 9P60GO0HD4WD6ZHKYNK8CKDM3W50IB0HJ0-Y9MHA646.Q66N00T0PFC411FPDUOQ27BUDR1KHZ:"
            + "89C5K700*8IX8Y:12P3A*VUU9QPN1EPF.1SPEY ELRSFX0:FBUHPYAUTB3QYB67CX93MSO5RK5+T:MSO$H+742+B";

    private DocExample() {
    }
}
