import Testing
@testable import Rules

/// Matching plain labels on bytes must agree with the String path on every label.
@Suite struct LabelMatcherTests {
    @Test func partOrdinalsFollowAllCases() {
        for (i, p) in Part.allCases.enumerated() { #expect(p.ordinal == i) }
    }

    @Test func bytePathMatchesStringPath() throws {
        let schema = try Schema.defaultSchema()
        let pieces = ["工业总产值", "产值", "销售产值", "出口", "营业收入", "实缴税金", "从业人员", "党员", "统一社会信用代码", "企业名称",
                      "报告期", "本月", "累计", "本年累计", "1-本月", "上年同期", "期末", "1-", "7", "12", "月", "本", "本年", "(", ")",
                      "-", ":", "_", "当年价格", "中", "A", "1"]
        var rng = SplitMix(seed: 3)
        for n in 0..<30_000 {
            var s = ""
            for _ in 0..<(1 + Int(rng.next() % 4)) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let text = Label.normalize(s).text
            #expect(FastText.isPlain(text))
            for matcher in [schema.matcher, schema.registryMatcher] {
                let fast = matcher.match(text), slow = matcher.match(characters: text)
                #expect(fast?.field.id == slow?.field.id && fast?.part == slow?.part, "\(n): \(text)")
            }
        }
    }
}
