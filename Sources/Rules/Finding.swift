import SheetModel

public enum Severity: String, Sendable, Comparable, Codable {
    case error, warning, info

    var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    public var chinese: String { self == .error ? "错误" : self == .warning ? "警告" : "提示" }
}

/// One problem found, with where it is (DOMAIN.md §6). The message is Chinese and says what is
/// wrong, what was expected and how to fix it.
public struct Finding: Sendable, Hashable {
    /// Stable rule ID ("export.exceeds_sales").
    public var rule: String
    public var severity: Severity
    public var file: String
    public var sheet: String?
    public var cell: CellRef?
    /// Field id, with the part when it has one: "gross_output.ytd", "uscc".
    public var field: String?
    /// The value seen, as shown to staff.
    public var value: String?
    public var message: String
    /// Whether the error rejects the whole file (RF in §6) rather than one row.
    public var rejectsFile: Bool

    public init(rule: String, severity: Severity, file: String, sheet: String? = nil, cell: CellRef? = nil,
                field: String? = nil, value: String? = nil, message: String, rejectsFile: Bool = false) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.field = field
        self.value = value
        self.message = message
        self.rejectsFile = rejectsFile
    }
}

/// One accepted enterprise row, ready for the store. Values are in canonical units (万元, 万千瓦时, 人).
public struct Submission: Sendable, Hashable {
    public var uscc: String
    public var name: String
    /// "YYYY-MM".
    public var period: String
    /// The row's values, flat (see `Facts`).
    public var values: Facts
    public var sheet: String
    /// One-based source row, as Excel shows it (the first indicator row for the long layout).
    public var row: Int
    /// Where the USCC was read, for findings about the row as a whole.
    public var usccCell: CellRef?

    public init(uscc: String, name: String, period: String, values: Facts, sheet: String, row: Int, usccCell: CellRef? = nil) {
        self.usccCell = usccCell
        self.uscc = uscc
        self.name = name
        self.period = period
        self.values = values
        self.sheet = sheet
        self.row = row
    }

    public init(uscc: String, name: String, period: String, facts: [String: [String: Double]], sheet: String, row: Int,
                usccCell: CellRef? = nil) {
        self.init(uscc: uscc, name: name, period: period, values: Facts(facts), sheet: sheet, row: row, usccCell: usccCell)
    }

    /// field id → part ("cur", "ytd", "py_cur", "py_ytd", "end", "py_end") → value.
    public var facts: [String: [String: Double]] {
        get { values.nested }
        set { values = Facts(newValue) }
    }
}

public enum FileStatus: String, Sendable, Codable {
    case accepted
    case acceptedWithWarnings = "accepted_with_warnings"
    case rejected
    case skipped

    public var chinese: String {
        switch self {
        case .accepted: "通过"
        case .acceptedWithWarnings: "通过（有警告）"
        case .rejected: "退回"
        case .skipped: "跳过"
        }
    }
}

public struct FileReport: Sendable {
    public var path: String
    public var status: FileStatus
    public var findings: [Finding]
    /// Accepted rows only: a row with any error is left out, and an RF error leaves out all.
    public var submissions: [Submission]
    /// The period the file was checked against, when one was known.
    public var period: String?

    public init(path: String, status: FileStatus, findings: [Finding], submissions: [Submission], period: String? = nil) {
        self.path = path
        self.status = status
        self.findings = findings
        self.submissions = submissions
        self.period = period
    }

    // Counted in place: `filter` copied every finding (and retained its texts) to count them.
    public var errorCount: Int { findings.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var warningCount: Int { findings.reduce(0) { $0 + ($1.severity == .warning ? 1 : 0) } }

    /// rejected: an RF error, or no row left; accepted_with_warnings: warnings, or some rows
    /// rejected while others were accepted; accepted: nothing worse than info.
    static func status(findings: [Finding], submissions: [Submission]) -> FileStatus {
        if findings.contains(where: { $0.severity == .error && $0.rejectsFile }) { return .rejected }
        if submissions.isEmpty, findings.contains(where: { $0.severity == .error }) { return .rejected }
        if findings.contains(where: { $0.severity != .info }) { return .acceptedWithWarnings }
        return .accepted
    }
}

public struct ValidationReport: Sendable {
    public var files: [FileReport]
    public init(files: [FileReport]) { self.files = files }

    public var errorCount: Int { files.reduce(0) { $0 + $1.errorCount } }
    public var warningCount: Int { files.reduce(0) { $0 + $1.warningCount } }
    public var acceptedCount: Int { count { $0 == .accepted || $0 == .acceptedWithWarnings } }
    public var rejectedCount: Int { count { $0 == .rejected } }
    public var skippedCount: Int { count { $0 == .skipped } }

    /// Files whose status `include` accepts, counted in place (not copied out by `filter`).
    private func count(_ include: (FileStatus) -> Bool) -> Int {
        files.reduce(0) { $0 + (include($1.status) ? 1 : 0) }
    }

    /// §8: 0 when no error, 1 when any error.
    public var exitCode: Int32 { errorCount > 0 ? 1 : 0 }
    public var submissions: [Submission] { files.flatMap(\.submissions) }
}
