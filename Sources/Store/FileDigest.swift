import Crypto
import Foundation

/// How the store recognises a file it has already read: the SHA-256 of its bytes, in lower-case hex.
public enum FileDigest {
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The same for bytes in memory (a file read whole).
    public static func sha256(_ bytes: UnsafeRawBufferPointer) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
