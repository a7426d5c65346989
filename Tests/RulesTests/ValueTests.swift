import Foundation
import SheetModel
import Testing
@testable import Rules

@Suite struct ValueTests {
    let placeholders: Set<String> = try! Schema.defaultSchema().placeholders

    func parse(_ s: String) -> ParsedNumber { NumberText.parse(.text(s), placeholders: placeholders) }

    @Test func textNumbers() {
        #expect(parse("1,234.5") == .number(1234.5, fromText: true, unit: nil))
        #expect(parse("1，234") == .number(1234, fromText: true, unit: nil))
        #expect(parse("１２３．４") == .number(123.4, fromText: true, unit: nil))
        #expect(parse("－5") == .number(-5, fromText: true, unit: nil))
        #expect(parse("−5") == .number(-5, fromText: true, unit: nil))
        #expect(parse("(123.4)") == .number(-123.4, fromText: true, unit: nil))
        #expect(parse("（123.4）") == .number(-123.4, fromText: true, unit: nil))
        #expect(parse("12.5万元") == .number(12.5, fromText: true, unit: .wanYuan))
        #expect(parse("3000元") == .number(3000, fromText: true, unit: .yuan))
        #expect(parse("56人") == .number(56, fromText: true, unit: .person))
        #expect(parse(" 1 234 ") == .number(1234, fromText: true, unit: nil))
    }

    @Test(arguments: ["—", "-", "/", "无", "N/A", "×", "", "  ", "——", "－"])
    func placeholdersAreEmptyNeverZero(_ s: String) {
        #expect(parse(s) == .empty)
    }

    /// Codes and names are checked for placeholders by length first: every placeholder, in any
    /// spelling the value text normalises, is still one, and a longer text never is.
    @Test(arguments: ["—", "-", "/", "无", "N/A", "×", "——", "－", "Ｎ／Ａ", " 无 "])
    func identityPlaceholders(_ s: String) throws {
        let schema = try Schema.defaultSchema()
        #expect(schema.isPlaceholder(Label.normalizeValueText(s)) == schema.placeholders.contains(Label.normalizeValueText(s)))
        #expect(schema.isPlaceholder(Label.normalizeValueText(s)))
        #expect(!schema.isPlaceholder(Label.normalizeValueText(s + "公司")))
        for p in schema.placeholders { #expect(schema.isPlaceholder(p)) }
    }

    @Test func notNumbers() {
        #expect(parse("约100") == .notNumber)
        #expect(parse("nan") == .notNumber)
        #expect(parse("0x10") == .notNumber)
        #expect(parse("1.2.3") == .notNumber)
        #expect(NumberText.parse(.bool(true), placeholders: placeholders) == .notNumber)
        #expect(NumberText.parse(.error(CellError("#DIV/0!")), placeholders: placeholders) == .error("#DIV/0!"))
        #expect(parse("#N/A") == .error("#N/A"))
    }

    @Test func cellNumbers() {
        #expect(NumberText.parse(.number(12), placeholders: placeholders) == .number(12, fromText: false, unit: nil))
        #expect(NumberText.parse(.empty, placeholders: placeholders) == .empty)
    }

    @Test func tolerance() {
        #expect(Tolerance.equal(0.1 + 0.2, 0.3))
        #expect(Tolerance.equal(1234.5 * 0.1, 123.45))
        #expect(!Tolerance.equal(100, 100.01))
        #expect(NumberText.format(0.1 + 0.2) == "0.3")
        #expect(NumberText.format(1200) == "1200")
    }

    /// The byte-level shortcut of trimmingWhitespace agrees with trimming by the Unicode property.
    @Test func trimmingWhitespaceMatchesUnicode() {
        func reference(_ s: String) -> String {
            let u = Array(s.unicodeScalars)
            guard let a = u.firstIndex(where: { !$0.properties.isWhitespace }),
                  let b = u.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: u[a...b])
            return String(out)
        }
        let spaces = (0...0x3000).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace).map(String.init)
        let cores = ["巴中临港", "a", "ＡＢ", "x y", "é", "€5", "\u{1F600}", "\u{1C}", "\u{7F}", "—", "\u{200B}"]
        var samples = [""] + spaces + cores
        for core in cores {
            for space in spaces { samples += [space + core, core + space, space + core + space] }
        }
        for s in samples { #expect(s.trimmingWhitespace() == reference(s), "\(Array(s.unicodeScalars))") }
    }

    /// The integer-arithmetic path prints what printf's "%.6f" (trailing zeros dropped) prints.
    @Test func sixDecimalsMatchPrintf() {
        func printf(_ d: Double) -> String {
            var s = String(format: "%.6f", d)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s
        }
        var rng = SystemRandomNumberGenerator()
        var checked = 0
        let fixed: [Double] = [12.5, -3.25, 0.1 + 0.2, 1e-7, -4e-7, 2.0000005, 999_999_999.999_999, 0.000_001, 1234.567_890_1]
        let random = (0..<20_000).map { i -> Double in
            let magnitude = pow(10, Double(i % 12) - 3)
            return Double.random(in: -magnitude...magnitude, using: &rng)
        }
        for d in fixed + random {
            if let fast = NumberText.sixDecimals(d) {
                #expect(fast == printf(d), "\(d)")
                checked += 1
            }
            #expect(NumberText.format(d) == (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : printf(d)))
        }
        #expect(checked > 15_000)    // only values within 0.1 of a tie at the sixth decimal fall back
    }

    @Test func units() {
        #expect(Unit.parse("千元") == .qianYuan)
        #expect(Unit.parse("单位：万元") == .wanYuan)
        #expect(Unit.parse("kWh") == .kwh)
        #expect(Unit.parse("万千瓦时") == .wanKwh)
        #expect(Unit.parse("亩") == nil)
        #expect(TitleInfo.declaredUnit("单位:千元") == .qianYuan)
        #expect(TitleInfo.declaredUnit("金额单位:亿元、人") == .yiYuan)
    }
}

@Suite struct PeriodTests {
    func p(_ s: String) -> PeriodReading { .period(Period(s)!) }

    @Test func textForms() {
        #expect(PeriodParser.text("2024-07") == p("2024-07"))
        #expect(PeriodParser.text("2024年7月") == p("2024-07"))
        #expect(PeriodParser.text("2024 年 7 月") == p("2024-07"))
        #expect(PeriodParser.text("202407") == p("2024-07"))
        #expect(PeriodParser.text("2024/7/31") == p("2024-07"))
        #expect(PeriodParser.text("2024-07-31") == p("2024-07"))
        #expect(PeriodParser.text("2024.07") == p("2024-07"))
        #expect(PeriodParser.text("2024年1-7月") == p("2024-07"))
        #expect(PeriodParser.text("２０２４年７月") == p("2024-07"))
        #expect(PeriodParser.text("2024.1") == .ambiguous)
        #expect(PeriodParser.text("2024.10") == p("2024-10"))
        #expect(PeriodParser.text("七月") == .invalid)
        #expect(PeriodParser.text("2024-13") == .invalid)
        #expect(PeriodParser.text("") == .empty)
    }

    /// The byte path must read every plain label as the Character path does.
    @Test func bytePathMatchesCharacterPath() {
        let forms = ["2024-07", "2024年7月", "202407", "20240731", "2024/7/31", "2024-07-31", "2024.07", "2024.1", "2024.10",
                     "2024年1-7月", "2024年7月31日", "2024年7月份", "报告期:2024年7月", "报告期2024-07", "统计期:202407",
                     "所属期:2024.7", "2024年", "2024年七月", "24-7", "2024-7-1-1", "2024.1.5", "+024-07", "2024-+7", "七月",
                     "2024-13", "1-7月", "年7月", "报告期:", "12345", "2024年1-本月", "2024/07/"]
        for f in forms {
            let label = Label.normalize(f).text
            guard FastText.isPlain(label) else { Issue.record("\(f) is not plain"); continue }
            let bytes = FastText.withBytes(label) { PeriodParser.plainText($0) }
            #expect(bytes == PeriodParser.characterText(label), "\(f)")
        }
    }

    @Test func numbersAndSerials() {
        #expect(PeriodParser.parse(.number(202407), system: .d1900) == p("2024-07"))
        #expect(PeriodParser.parse(.number(2024.07), system: .d1900) == p("2024-07"))
        #expect(PeriodParser.parse(.number(2024.1), system: .d1900) == .ambiguous)
        // 2024-07-31 is serial 45504 in the 1900 system and 44042 in the 1904 system.
        #expect(PeriodParser.parse(.dateSerial(45504), system: .d1900) == p("2024-07"))
        #expect(PeriodParser.parse(.dateSerial(44042), system: .d1904) == p("2024-07"))
        #expect(PeriodParser.parse(.bool(true), system: .d1900) == .invalid)
    }

    @Test func paths() {
        #expect(PeriodParser.folderPeriod(of: "inbox/2024-07/甲公司.xlsx") == Period("2024-07"))
        #expect(PeriodParser.folderPeriod(of: "inbox/甲公司.xlsx") == nil)
        #expect(PeriodParser.fileNamePeriod(of: "x/甲公司2024年6月报表.xlsx") == Period("2024-06"))
        #expect(PeriodParser.fileNamePeriod(of: "x/202406-甲公司.xlsx") == Period("2024-06"))
        #expect(PeriodParser.fileNamePeriod(of: "x/甲公司-2024-06.xlsx") == Period("2024-06"))
        #expect(PeriodParser.fileNamePeriod(of: "x/甲公司.xlsx") == nil)
        #expect(Period("2024-01")!.previous == Period("2023-12"))
    }

    /// Periods in paths are found on the path's bytes when it is inside `FastText`'s set; every
    /// path must get the answer of the component and label path.
    @Test func pathPeriodsOnBytesMatchTheLabelPath() {
        let pieces = ["2024", "202407", "7", "07", "12", "13", "年", "月", "-", "—", "－", ".", "．", "_", " ", "\u{3000}",
                      "２０２４", "７", "甲公司", "其中", ":", "(万元)", "报表", "/", "2024-07", "24-07", "x", ".xlsx", "1-7月"]
        var rng = SplitMix(seed: 11)
        for n in 0..<20_000 {
            var path = ""
            for _ in 0..<(2 + Int(rng.next() % 8)) { path += pieces[Int(rng.next() % UInt64(pieces.count))] }
            #expect(PeriodParser.fileNamePeriod(of: path) == PeriodParser.fileNamePeriodCharacters(of: path), "\(n): \(path)")
            #expect(PeriodParser.folderPeriod(of: path) == PeriodParser.folderPeriodCharacters(of: path), "\(n): \(path)")
        }
        #expect(PeriodParser.fileNamePeriod(of: "收件箱/2024-06/甲公司 2024 年 7 月.xlsx") == Period("2024-07"))
        #expect(PeriodParser.folderPeriod(of: "收件箱/2024-06/甲公司 2024 年 7 月.xlsx") == Period("2024-06"))
        #expect(PeriodParser.folderPeriod(of: "2024-06//2024-07") == Period("2024-06"))
    }

    /// Strict "YYYY-MM" (`--period`, month folders): four ASCII digits, "-", two; signs, doubled
    /// dashes and full-width digits are not (they once slipped through a split on "-").
    @Test func strictPeriodText() {
        #expect(Period("2024-07") == Period(year: 2024, month: 7))
        #expect(Period("1900-01") == Period(year: 1900, month: 1))
        for bad in ["2024-13", "2024-00", "1899-12", "2201-01", "2024-7", "24-07", "2024/07", "2024-07 ", " 2024-07",
                    "+024-07", "2024-+7", "-2024-07", "2024-07-", "２０２４-07", "2024-07-01", "2024--07", "", "-", "202407"] {
            #expect(Period(bad) == nil, "\(bad)")
        }
    }
}

@Suite struct LabelTests {
    let schema = try! Schema.defaultSchema()

    func match(_ s: String) -> String? {
        let n = Label.normalize(s)
        guard let m = schema.matcher.match(n.text) else { return nil }
        return FieldKey(id: m.field.id, part: m.field.kind.isNumeric ? m.field.resolve(m.part) : nil).name
    }

    @Test func normalisation() {
        #expect(Label.normalize("工业总产值（万元）") == NormalizedLabel(text: "工业总产值", unit: .wanYuan))
        #expect(Label.normalize("工业 总产值\n(千元)") == NormalizedLabel(text: "工业总产值", unit: .qianYuan))
        #expect(Label.normalize("产值/万元") == NormalizedLabel(text: "产值", unit: .wanYuan))
        #expect(Label.normalize("其中：出口交货值") == NormalizedLabel(text: "出口交货值", unit: nil))
        #expect(Label.normalize("【营业收入】") == NormalizedLabel(text: "(营业收入)", unit: nil))
        #expect(Label.normalize("统一社会信用代码\u{3000}").text == "统一社会信用代码")
        #expect(Label.normalize("工业总产值(当年价格)(万元)") == NormalizedLabel(text: "工业总产值(当年价格)", unit: .wanYuan))
    }

    @Test func aliasesAndParts() {
        #expect(match("信用代码") == "uscc")
        #expect(match("单位详细名称") == "enterprise_name")
        #expect(match("工业总产值(当年价格)") == "gross_output.cur")
        #expect(match("工业总产值本年累计") == "gross_output.ytd")
        #expect(match("产值1—7月") == "gross_output.ytd")
        #expect(match("本月工业销售产值") == "sales_output.cur")
        #expect(match("其中:出口交货值") == "export_value.cur")
        #expect(match("营业收入上年同期累计") == "revenue.py_ytd")
        #expect(match("税收（上年同期）") == "tax_paid.py_cur")
        #expect(match("从业人员（人）") == "employees_end.end")
        #expect(match("党员") == "party_members.end")
        #expect(match("用电量(万千瓦时)") == "electricity.cur")
        #expect(match("产品产量") == nil)
        #expect(schema.matcher.part(Label.normalize("1—本月").text) == .ytd)
        #expect(schema.matcher.part(Label.normalize("1-7月").text) == .ytd)
        #expect(schema.matcher.part("上年同期累计") == .pyYtd)
    }
}
