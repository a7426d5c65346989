/// Last month's stored rows, for ytd.discontinuity, ytd.swapped and trend.* (§6). The store
/// implements it; without one these rules stay silent. Only accepted rows may be returned.
public protocol PriorPeriodSource: Sendable {
    /// Accepted facts of an enterprise for a period "YYYY-MM": field id → part → value (canonical units).
    func facts(uscc: String, period: String) -> [String: [String: Double]]?
    /// Whether `field` had cur > 0 in a month of the same year before `period`.
    func hadOutputEarlierInYear(uscc: String, field: String, before period: String) -> Bool
}

extension PriorPeriodSource {
    public func hadOutputEarlierInYear(uscc: String, field: String, before period: String) -> Bool {
        guard let p = Period(period) else { return false }
        for m in 1..<p.month {
            if let v = facts(uscc: uscc, period: Period(year: p.year, month: m)!.description)?[field]?["cur"], v > 0 { return true }
        }
        return false
    }
}

/// Prior periods held in memory: for tests, and for a run that validates months in order.
public struct InMemoryPriorPeriods: PriorPeriodSource {
    private var byKey: [String: [String: [String: Double]]] = [:]

    public init(_ submissions: [Submission] = []) {
        for s in submissions { add(s) }
    }

    public mutating func add(_ s: Submission) { byKey[s.uscc + "|" + s.period] = s.facts }

    public func facts(uscc: String, period: String) -> [String: [String: Double]]? { byKey[uscc + "|" + period] }
}
