import Foundation
import Testing
@testable import Rules

/// The one JSON string encoder (validation.json, summaries, the store's JSON columns, dumps).
@Suite struct JSONTests {
    @Test func escapesQuotesBackslashesAndControlsOnly() {
        #expect(JSON.string(nil) == "null")
        #expect(JSON.string("巴中 1") == #""巴中 1""#)
        #expect(JSON.string("say \"hi\"\\\n\r\t") == #""say \"hi\"\\\n\r\t""#)
        #expect(JSON.string("\u{1}\u{1B}\u{1F}é😀") == #""\u0001\u001b\u001fé😀""#)
        var out: [UInt8] = Array("x".utf8)
        JSON.append("a\"b", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"x"a\"b""#)
    }

    /// Runs copied whole between escapes give what escaping byte by byte gives, wherever the
    /// escapes fall (first, last, adjacent, none).
    @Test func runsBetweenEscapesAreCopiedWhole() {
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        let pieces = ["巴中", "a", "\"", "\\", "\n", "\u{1}", "\u{1F}", " ", "😀", "é", "\t", "\r\n", ""]
        var rng = SplitMix(seed: 3)
        for _ in 0..<5_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 9) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            #expect(JSON.string(s) == reference(s), "\(s.debugDescription)")
            // Written in place (`JSON.write`, into room for the worst case): the same bytes.
            let inPlace = String(unsafeUninitializedCapacity: 6 * s.utf8.count + 4) { b in
                b[0] = UInt8(ascii: "<")
                let n = JSON.write(s, to: b.baseAddress!, at: 1)
                b[n] = UInt8(ascii: ">")
                return n + 1
            }
            #expect(inPlace == "<" + reference(s) + ">", "\(s.debugDescription)")
        }
    }
}
