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
}
