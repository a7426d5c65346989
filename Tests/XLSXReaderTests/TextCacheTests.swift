import Testing
@testable import XLSXReader

@Suite struct TextCacheTests {
    private func text(_ cache: inout TextCache, _ s: String) -> String {
        Array(s.utf8).withUnsafeBufferPointer { cache.text($0) }
    }

    /// More distinct texts than slots, read twice: evictions and hits both give the decoded text.
    @Test func hitsAndEvictionsDecodeExactly() {
        var cache = TextCache()
        let texts = (0..<20_000).map { "企业\($0)_x0041_" }
        for _ in 0..<2 {
            for (i, t) in texts.enumerated() {
                #expect(text(&cache, t) == "企业\(i)A")
            }
        }
    }

    @Test func textsOfEveryLengthAreDecoded() {
        var cache = TextCache()
        for n in [0, 1, 7, 8, 9, 63, 64, 65, 300] {
            let t = String(repeating: "x", count: n)
            #expect(text(&cache, t) == t)
            #expect(text(&cache, t) == t)
        }
        // Same length and hash neighbourhood, different bytes: never confused.
        #expect(text(&cache, "ab") == "ab")
        #expect(text(&cache, "ba") == "ba")
    }
}
