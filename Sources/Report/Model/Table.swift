/// One table of the report, built once from the summary and rendered to XLSX, CSV and HTML, so
/// the three never disagree about rows, columns or rounding.
public struct Table: Sendable, Equatable {
    /// Sheet name and CSV file stem ("汇总").
    public var name: String
    /// Title above the table ("巴中临港产业园经济运行月报 汇总 2024年7月").
    public var title: String
    /// A line under the title: units, scope ("金额单位：万元").
    public var note: String
    public var columns: [TableColumn]
    public var rows: [[TableCell]]

    public init(name: String, title: String, note: String = "", columns: [TableColumn], rows: [[TableCell]] = []) {
        self.name = name
        self.title = title
        self.note = note
        self.columns = columns
        self.rows = rows
    }

    /// The kind a cell is shown as: its own, else its column's.
    public func kind(row: Int, column: Int) -> ValueKind {
        if case .number(_, let kind?) = rows[row][column] { return kind }
        return columns[column].kind
    }
}

public struct TableColumn: Sendable, Equatable {
    public var header: String
    public var kind: ValueKind
    public init(_ header: String, _ kind: ValueKind = .text) {
        self.header = header
        self.kind = kind
    }
}

/// How a number is shown. Percent values are carried as percentages (12.3 means 12.3%), the
/// way `PeriodSummary` holds them; each renderer converts as its medium needs.
public enum ValueKind: Sendable, Equatable {
    case text
    /// 万元, two decimals, thousands separators.
    case money
    /// Other quantities with two decimals (万千瓦时, 万元/人·年).
    case decimal
    /// Head counts and enterprise counts.
    case integer
    /// A percentage with one decimal.
    case percent
}

public enum TableCell: Sendable, Equatable {
    case text(String)
    /// A number shown as the column's kind, or as `kind` when given (汇总 mixes 万元, 人 and %).
    case number(Double, ValueKind? = nil)
    /// A value that cannot be computed (growth on a missing or non-positive base): shown "—".
    case unavailable
    /// Nothing to show (a stock has no 累计).
    case blank

    /// A number, or "—" when nil.
    static func value(_ d: Double?, _ kind: ValueKind? = nil) -> TableCell {
        guard let d, d.isFinite else { return .unavailable }
        return .number(d, kind)
    }

    static func text(_ s: String?) -> TableCell { s.map { .text($0) } ?? .blank }
}
