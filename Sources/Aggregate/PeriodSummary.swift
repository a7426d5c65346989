/// Everything the committee gets for one period (DOMAIN.md §7). Aggregation fills it from the
/// store; the report writers (workbook, CSV, JSON, HTML) only format it. Money in 万元.
public struct PeriodSummary: Sendable, Codable, Equatable {
    public var period: String                  // "2024-07"
    public var parkName: String                // "巴中临港产业园"

    // Reporting
    public var expected: Int                   // registry enterprises in status 投产
    public var reporting: Int                  // enterprises with an accepted row for the period
    public var acceptedRows: Int
    public var rejectedEnterprises: Int        // enterprises whose rows for the period were all rejected
    public var reportingRate: Double?          // reporting / expected × 100
    public var missing: [EnterpriseRef]        // 催报名单: expected, no accepted row

    /// Flow totals by field id (gross_output, sales_output, export_value, revenue, total_profit,
    /// tax_paid, electricity, fixed_invest …).
    public var flows: [String: FlowTotal]
    /// Stock totals by field id (employees_end, party_members).
    public var stocks: [String: StockTotal]

    public var byIndustryChain: [Breakdown]    // 主导产业
    public var byScale: [Breakdown]            // 规上 / 规下
    public var byHitech: [Breakdown]           // 高新 / 非高新
    public var byStatus: [Breakdown]           // 企业状态

    public var ratios: Ratios
    public var party: PartyCoverage

    public var enterprises: [EnterpriseRow]    // 企业明细: one row per enterprise with an accepted row
    public var trend: [MonthPoint]             // 月度趋势: each month of the period's year up to it
    public var findings: [FindingRow]          // 校验问题 of the files read for this period
    public var revisions: [RevisionRow]        // submissions superseded by a later file

    public init(period: String, parkName: String) {
        self.period = period
        self.parkName = parkName
        expected = 0; reporting = 0; acceptedRows = 0; rejectedEnterprises = 0
        reportingRate = nil; missing = []; flows = [:]; stocks = [:]
        byIndustryChain = []; byScale = []; byHitech = []; byStatus = []
        ratios = Ratios(); party = PartyCoverage(); enterprises = []; trend = []; findings = []; revisions = []
    }
}

public struct EnterpriseRef: Sendable, Codable, Equatable, Hashable {
    public var uscc: String
    public var name: String
    public init(uscc: String, name: String) { self.uscc = uscc; self.name = name }
}

/// A flow indicator summed over the enterprises that reported. Growth rates are percentages and
/// nil ("—") when the base is missing or ≤ 0.
public struct FlowTotal: Sendable, Codable, Equatable {
    public var cur: Double?
    public var ytd: Double?
    public var pyCur: Double?                  // 上年同期本月, as reported
    public var pyYtd: Double?                  // 上年同期累计, as reported
    public var prevCur: Double?                // last month's cur (stored), for 环比
    public var yoyCur: Double?                 // 同比% of cur
    public var yoyYtd: Double?                 // 同比% of ytd
    public var mom: Double?                    // 环比% of cur
    /// Growth on the comparable scope: enterprises present in both periods.
    public var comparableYoyYtd: Double?
    public var comparableMom: Double?
    public init() {}
}

public struct StockTotal: Sendable, Codable, Equatable {
    public var end: Double?
    public var pyEnd: Double?
    public var prevEnd: Double?                // last month's end (stored)
    public var yoy: Double?
    public var mom: Double?
    public init() {}
}

/// One group of a breakdown (e.g. 主导产业 = 电子信息).
public struct Breakdown: Sendable, Codable, Equatable {
    public var key: String                     // "电子信息", "规上", "高新", "投产"
    public var enterprises: Int                // in the group and reporting
    public var flows: [String: FlowTotal]
    public var stocks: [String: StockTotal]
    public init(key: String) { self.key = key; enterprises = 0; flows = [:]; stocks = [:] }
}

public struct Ratios: Sendable, Codable, Equatable {
    public var salesRate: Double?              // 产销率 % = sales_output ytd / gross_output ytd
    public var outputPerEmployee: Double?      // 人均产值 万元/人·年 = ytd output ÷ employees × 12 ÷ months
    public var taxToOutput: Double?            // 税收产出比 % = tax ytd ÷ output ytd
    public var outputPerMu: Double?            // 亩均产值 万元/亩 (enterprises with land area)
    public var taxPerMu: Double?               // 亩均税收 万元/亩
    public var landScopeEnterprises: Int = 0   // how many enterprises the 亩均 figures cover
    public init() {}
}

public struct PartyCoverage: Sendable, Codable, Equatable {
    public var scope: String = ""              // e.g. "投产企业 14 家"
    public var scopeEnterprises: Int = 0
    public var singleBranch: Int = 0           // 单建
    public var jointBranch: Int = 0            // 联建
    public var singleBranchRate: Double?       // 单建率 %
    public var coverageRate: Double?           // 组织覆盖率 % = (单建 + 联建) ÷ scope
    public var members: Double?                // 党员 total (reported)
    public var memberShareOfEmployees: Double? // %
    public init() {}
}

/// 企业明细: the accepted figures of one enterprise, by "field.part" ("gross_output.cur").
public struct EnterpriseRow: Sendable, Codable, Equatable {
    public var uscc: String
    public var name: String
    public var industryChain: String?
    public var aboveScale: Bool?
    public var hitech: Bool?
    public var status: String?
    public var values: [String: Double]
    public var sourceFile: String
    public var revision: Int                   // 1 for the first accepted file, 2… after revisions
    public init(uscc: String, name: String, values: [String: Double], sourceFile: String, revision: Int) {
        self.uscc = uscc; self.name = name; self.values = values; self.sourceFile = sourceFile; self.revision = revision
    }
}

/// 月度趋势: park totals of one month.
public struct MonthPoint: Sendable, Codable, Equatable {
    public var period: String
    public var reporting: Int
    public var values: [String: Double]        // "gross_output.cur", "gross_output.ytd", "employees_end.end" …
    /// Monthly output by 主导产业 (for the line chart): chain → gross_output.cur.
    public var outputByChain: [String: Double]
    public init(period: String, reporting: Int, values: [String: Double], outputByChain: [String: Double]) {
        self.period = period; self.reporting = reporting; self.values = values; self.outputByChain = outputByChain
    }
}

/// 校验问题: a finding as the office reads it.
public struct FindingRow: Sendable, Codable, Equatable {
    public var file: String
    public var sheet: String?
    public var cell: String?
    public var rule: String
    public var severity: String                // "error" | "warning" | "info"
    public var field: String?
    public var value: String?
    public var message: String
    public init(file: String, sheet: String?, cell: String?, rule: String, severity: String, field: String?,
                value: String?, message: String) {
        self.file = file; self.sheet = sheet; self.cell = cell; self.rule = rule; self.severity = severity
        self.field = field; self.value = value; self.message = message
    }
}

public struct RevisionRow: Sendable, Codable, Equatable {
    public var uscc: String
    public var name: String
    public var supersededFile: String
    public var byFile: String
    public var changes: [String: [Double?]]    // "gross_output.cur": [old, new] for values that changed
    public init(uscc: String, name: String, supersededFile: String, byFile: String, changes: [String: [Double?]]) {
        self.uscc = uscc; self.name = name; self.supersededFile = supersededFile; self.byFile = byFile; self.changes = changes
    }
}
