package io.fieldlink.host.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();
    /** The Certificate Transparency reference leaves and the roots of their first 0..8 (RFC 6962 / 9162 test data). */
    private static final String[] CT_LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    };
    private static final String[] CT_ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    @Test
    void rootsMatchTheCertificateTransparencyVectors() {
        MerkleTree tree = ctTree();

        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("root of %d leaves", size).isEqualTo(CT_ROOTS[size]);
        }
    }

    @Test
    void inclusionProofsMatchTheCertificateTransparencyVectors() {
        MerkleTree tree = ctTree();

        assertThat(tree.inclusionProof(0, 8)).extracting(HEX::formatHex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(tree.inclusionProof(5, 8)).extracting(HEX::formatHex).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    /** Verifies proofs against the RFC's recursive definitions for every index and size pair up to 70 leaves. */
    @Test
    void proofsEqualTheRfcDefinitionsAndVerifyForEverySize() {
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 70; i++) {
            byte[] leaf = MerkleHashing.leafHash(new byte[] {(byte) i, (byte) (i * 7)});
            leaves.add(leaf);
            tree.append(leaf);
        }
        for (int n = 1; n <= 70; n++) {
            List<byte[]> prefix = leaves.subList(0, n);
            byte[] root = ReferenceMerkle.mth(prefix);
            assertThat(tree.root(n)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(proof).usingElementComparator(MerkleTreeTest::compare).containsExactlyElementsOf(ReferenceMerkle.path(m, prefix));
                assertThat(MerkleProofs.verifyInclusion(m, n, leaves.get(m), proof, root)).as("inclusion %d in %d", m, n).isTrue();
            }
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(proof).usingElementComparator(MerkleTreeTest::compare).containsExactlyElementsOf(ReferenceMerkle.proof(m, prefix));
                assertThat(MerkleProofs.verifyConsistency(m, n, tree.root(m), root, proof)).as("consistency %d to %d", m, n).isTrue();
            }
        }
    }

    @Test
    void edgeSizesAndTamperedProofsAreRejected() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 66; i++) {
            tree.append(MerkleHashing.leafHash(new byte[] {(byte) i}));
        }
        for (long n : new long[] {1, 2, 3, 4, 5, 8, 9, 16, 17, 32, 33, 64, 65}) {
            for (long m : new long[] {0, n / 2, n - 1}) {
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertThat(MerkleProofs.verifyInclusion(m, n, tree.leafHash(m), proof, tree.root(n))).isTrue();
                assertThat(MerkleProofs.verifyInclusion(m, n, tree.leafHash(m), proof, tree.root(n + 1)))
                        .as("proof for size %d does not hold against the next root", n).isFalse();
                if (!proof.isEmpty()) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    byte[] first = tampered.get(0).clone();
                    first[0] ^= 1;
                    tampered.set(0, first);
                    assertThat(MerkleProofs.verifyInclusion(m, n, tree.leafHash(m), tampered, tree.root(n))).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(m, n, tree.leafHash(m), proof.subList(1, proof.size()), tree.root(n))).isFalse();
                }
            }
            assertThat(MerkleProofs.verifyInclusion(n, n, tree.leafHash(0), List.of(), tree.root(n))).as("index >= size fails").isFalse();
        }
        assertThat(MerkleProofs.verifyConsistency(3, 8, tree.root(3), tree.root(8), tree.consistencyProof(4, 8))).isFalse();
        assertThat(MerkleProofs.verifyConsistency(4, 4, tree.root(4), tree.root(4), List.of())).isTrue();
    }

    @Test
    void outOfRangeQueriesAreSpecificErrors() {
        MerkleTree tree = ctTree();

        assertThatThrownBy(() -> tree.root(9)).hasMessageContaining("tree size 9 is outside 0..8");
        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).hasMessageContaining("leaf index 8 is outside a tree of 8 leaves");
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).hasMessageContaining("0 <= size1 <= size2");
        assertThatThrownBy(() -> tree.append(new byte[31])).hasMessageContaining("32 bytes");
    }

    private static MerkleTree ctTree() {
        MerkleTree tree = new MerkleTree();
        for (String leaf : CT_LEAVES) {
            tree.append(MerkleHashing.leafHash(HEX.parseHex(leaf)));
        }
        return tree;
    }

    private static int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
