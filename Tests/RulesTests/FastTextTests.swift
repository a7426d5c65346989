import Foundation
import Testing
@testable import Rules

/// The byte-level §4 normalisation must give exactly Foundation's bytes: a wrong entry in
/// `FastText.map` (a scalar whose NFKC form is not what the table says) fails here.
@Suite struct FastTextTests {
    static let claimed: [Unicode.Scalar] = (0...0xFFFF).compactMap { Unicode.Scalar(UInt32($0)) }
        .filter { FastText.map($0.value) != nil }

    func bytes(_ s: String?) -> [UInt8]? { s.map { Array($0.utf8) } }

    @Test func everyClaimedScalarMatchesFoundation() {
        #expect(Self.claimed.count > 21_000)
        for u in Self.claimed {
            for s in [String(u), "中\(u)文", "A\(u)b", "\(u)\(u)", "\u{3000}\(u)\u{FF21}"] {
                #expect(bytes(FastText.valueText(s)) == bytes(Label.computeValueText(s)), "U+\(String(u.value, radix: 16))")
            }
        }
    }

    @Test func otherScalarsTakeTheFoundationPath() {
        for s in ["…", "①", "é", "e\u{301}", "㎡", "℃", "Ⅻ", "ｶ", "😀", "工业总产值\u{FA0E}"] {
            #expect(FastText.valueText(s) == nil)
            #expect(Label.fastLabel(s) == nil)
            #expect(Unit.fastParse(s) == nil)
        }
        #expect(Label.normalize("产值（㎡）").text == Label.computeLabel("产值（㎡）").text)
    }

    /// Labels and units made of the claimed scalars plus the pieces §4 trims, against the String path.
    @Test func labelsAndUnitsMatchTheStringPath() {
        let pieces = ["其中", "其中:", "：", ":", "(", ")", "（", "）", "【", "】", "[", "]", "〔", "〕", "{", "}", "—", "–", "―",
                      "─", "−", "~", "〜", "/", "／", "万元", "千元", "元", "亿元", "万千瓦时", "KWH", "kW·h", "ｋＷｈ", "单位:",
                      "金额单位：", "计量单位:", "人", "工业总产值", "本年累计", "1-7月", " ", "\u{3000}", "\n", "\u{A0}",
                      "当年价格", "Ａ", "ｚ", "9", "·", "、", "“", "”", "《", "》", "合计", "\u{200B}", "\u{FEFF}"]
        var rng = SplitMix(seed: 7)
        for n in 0..<30_000 {
            var s = ""
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                if rng.next() % 5 == 0 {
                    s.unicodeScalars.append(Self.claimed[Int(rng.next() % UInt64(Self.claimed.count))])
                } else {
                    s += pieces[Int(rng.next() % UInt64(pieces.count))]
                }
            }
            let fast = Label.fastLabel(s), slow = Label.computeLabel(s)
            #expect(bytes(fast?.text) == bytes(slow.text), "\(n): \(s.debugDescription)")
            #expect(fast?.unit == slow.unit, "\(n): \(s.debugDescription)")
            #expect(Unit.fastParse(s) == .some(Unit.foundationParse(s)), "\(n): \(s.debugDescription)")
        }
    }

    @Test func monthRangesMatchTheCharacterPath() {
        let pieces = ["本年", "累计", "1-", "1至", "月", "本", "1", "7", "12", "13", "0", "+", "-", "中", "Ａ", " ", "\u{301}"]
        var rng = SplitMix(seed: 11)
        for n in 0..<20_000 {
            var s = ""
            for _ in 0..<(1 + Int(rng.next() % 5)) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            #expect(Label.isMonthRange(s) == Label.isMonthRange(characters: s), "\(n): \(s.debugDescription)")
        }
        #expect(Label.isMonthRange("本年1-7月累计") && Label.isMonthRange("1至本月") && !Label.isMonthRange("1-13月"))
    }

    @Test func searchesAndLastComponentsMatchTheCharacterPath() {
        let pieces = ["单位", ":", "万元", "单位:", "报告期", "2024", "/", "a", "中", "-", "\u{301}", "Ａ", " "]
        var rng = SplitMix(seed: 12)
        for n in 0..<20_000 {
            var s = ""
            for _ in 0..<(1 + Int(rng.next() % 6)) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
            for needle in ["单位:", "单位", "报告期:"] where FastText.isPlain(s) {
                #expect(FastText.range(of: needle, in: s[...], plain: true) == s.range(of: needle), "\(n): \(s.debugDescription)")
            }
            #expect(PathName.last(s) == s.split(separator: "/").last, "\(n): \(s.debugDescription)")
        }
    }

    /// `LabelSet.mayLabel` may only rule out texts whose label is not in the set: texts built from
    /// the sets' own labels dressed as headers are (white space, full-width forms, units, 其中,
    /// brackets), data-like texts are, and texts outside `FastText`'s set never are.
    @Test func labelSetsRuleOutOnlyTextsThatCannotMatch() throws {
        let sets = [LongLayout.nameHeaders, LongLayout.unitHeaders, try Schema.defaultSchema().totalKeys]
        let pieces = ["指标名称", "指标", "项目", "计量单位", "单位", "合计", "总计", "小计", "其中：", "（万元）", "/万元", "：",
                      "　", " ", "\n", "Ａ", "【", "】", "—", "巴中", "临港", "科技有限公司", "9151190", "MA62", "1-7月", "本月", "名称", "指"]
        var rng = SplitMix(seed: 42)
        var ruledOut = 0, matched = 0
        for _ in 0..<20_000 {
            let text = (0..<Int(rng.next() % 4) + 1).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            for set in sets {
                let inSet = set.keys.contains(LabelKey(Label.normalize(text).text))
                if inSet { matched += 1; #expect(set.mayLabel(text), "\(text.debugDescription)") }
                if !set.mayLabel(text) { ruledOut += 1 }
            }
        }
        #expect(matched > 100 && ruledOut > 10_000)
        for text in ["指标名称", "　项　目　", "指标名称：", "其中：合计", "計量單位", "ｶ単位", "①合计", "😀"] {
            for set in sets where set.keys.contains(LabelKey(Label.normalize(text).text)) { #expect(set.mayLabel(text), "\(text)") }
        }
        // Outside FastText's set nothing is ruled out; a set with a label without ideographs rules out nothing.
        #expect(LongLayout.nameHeaders.mayLabel("①") && LongLayout.nameHeaders.mayLabel("e\u{301}"))
        #expect(!LongLayout.nameHeaders.mayLabel("巴中临港科技有限公司") && !LongLayout.unitHeaders.mayLabel("Ａ"))
        #expect(LabelSet(["Total", "合计"]).mayLabel("巴中临港科技有限公司"))
    }

    /// Keys are equal exactly when the Strings are, canonical equivalents included.
    @Test func labelKeysFollowStringEquality() {
        let texts = ["é", "e\u{301}", "工业总产值", "工业总产值 ", "Å", "\u{212B}", "〈", "\u{2329}", "A", "Ａ", ""]
        for a in texts {
            for b in texts {
                #expect((LabelKey(a) == LabelKey(b)) == (a == b), "\(a.debugDescription) \(b.debugDescription)")
                if a == b { #expect(LabelKey(a).hashValue == LabelKey(b).hashValue) }
            }
        }
    }
}

/// A fixed pseudo-random sequence, so a failure names a reproducible string.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
