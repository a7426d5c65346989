/// A unit of measure and its factor to the canonical unit of its dimension (DOMAIN.md §1):
/// money in 万元, electricity in 万千瓦时, people in 人.
public struct Unit: Hashable, Sendable, CustomStringConvertible {
    public enum Dimension: String, Sendable { case money, energy, people }

    public var name: String
    public var dimension: Dimension
    /// Multiply a value in this unit by `factor` to get the canonical unit.
    public var factor: Double

    public var description: String { name }
    public var isCanonical: Bool { factor == 1 }

    public static let yuan = Unit(name: "元", dimension: .money, factor: 1e-4)
    public static let qianYuan = Unit(name: "千元", dimension: .money, factor: 0.1)
    public static let wanYuan = Unit(name: "万元", dimension: .money, factor: 1)
    public static let baiwanYuan = Unit(name: "百万元", dimension: .money, factor: 100)
    public static let yiYuan = Unit(name: "亿元", dimension: .money, factor: 1e4)
    public static let kwh = Unit(name: "千瓦时", dimension: .energy, factor: 1e-4)
    public static let wanKwh = Unit(name: "万千瓦时", dimension: .energy, factor: 1)
    public static let person = Unit(name: "人", dimension: .people, factor: 1)

    /// Spellings after NFKC and lower-casing; longest first so "万千瓦时" wins over "千瓦时".
    static let spellings: [(String, Unit)] = [
        ("万千瓦时", .wanKwh), ("万kwh", .wanKwh), ("万kw·h", .wanKwh), ("万度", .wanKwh),
        ("百万元", .baiwanYuan), ("千瓦时", .kwh), ("kw·h", .kwh), ("kwh", .kwh),
        ("万元", .wanYuan), ("千元", .qianYuan), ("亿元", .yiYuan), ("元", .yuan), ("度", .kwh),
        ("人", .person), ("名", .person), ("个", .person),
    ]

    /// Parses a unit written alone ("千元", "单位：万元", "kWh"); nil when it is not a unit.
    public static func parse(_ text: String) -> Unit? {
        if let fast = fastParse(text) { return fast }
        return foundationParse(text)
    }

    /// The String path, for any text (FastTextTests compares `fastParse` with it).
    static func foundationParse(_ text: String) -> Unit? {
        var s = Label.foundationValueText(text).lowercased()
        for prefix in ["金额单位:", "计量单位:", "单位:"] where s.hasPrefix(prefix) {
            s.removeFirst(prefix.count)
        }
        return spellings.first { $0.0 == s }?.1
    }

    /// Splits a unit written after a number ("12.5万元" → "12.5", 万元).
    static func splitSuffix(_ s: String) -> (String, Unit)? {
        let lower = s.lowercased()
        for (spelling, unit) in spellings where lower.hasSuffix(spelling) && lower.count > spelling.count {
            return (String(s.dropLast(spelling.count)), unit)
        }
        return nil
    }
}
