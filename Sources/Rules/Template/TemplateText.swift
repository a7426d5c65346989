import SheetModel

/// The Chinese wording of the template: prompts, alerts and the 说明 sheet, derived from the
/// schema's labels, units and rules so a user schema gets matching texts.
enum TemplateText {
    /// Meanings of the default schema's fields (统计制度的指标解释, abridged). A field a user
    /// schema adds has none and shows only its label.
    static let meanings: [String: String] = [
        "uscc": "营业执照上的统一社会信用代码",
        "enterprise_name": "在市场监管部门登记的企业全称",
        "period": "本表所属的统计月份",
        "gross_output": "以货币表现的企业在报告期内生产的工业最终产品和提供工业性劳务的总价值量（当年价格）",
        "sales_output": "企业在报告期内销售的本企业生产的工业产品和提供工业性劳务的价值总额（当年价格）",
        "export_value": "工业销售产值中交给外贸部门或自营（委托）出口的产品价值",
        "revenue": "企业经营主要业务和其他业务所确认的收入总额",
        "total_profit": "企业在报告期内实现的盈亏总额",
        "tax_paid": "企业在报告期内实际缴纳入库的各项税金",
        "employees_end": "报告期末最后一日在本单位工作并取得劳动报酬的全部人员",
        "party_members": "本单位从业人员中的中共党员（含预备党员）",
        "electricity": "企业在报告期内的全部用电量",
        "fixed_invest": "报告期内完成的固定资产投资额（含技术改造投资）",
        "filler": "填写本表的人员姓名",
        "phone": "填表人的联系电话",
        "report_date": "报送本表的日期",
    ]

    /// Relations the rules check, said where the enterprise fills the field.
    static let relations: [String: String] = [
        "sales_output": "一般为工业总产值的 70%–130%；",
        "export_value": "不得大于工业销售产值；",
        "party_members": "不得大于从业人员期末人数；",
    ]

    /// Enumerations of the registry columns shown on the 基本情况 sheet (DOMAIN.md §3).
    static let choices: [String: [String]] = [
        "industry_chain": ["电子信息", "食品饮料", "先进材料", "医药健康", "文旅康养", "商贸物流", "其他"],
        "above_scale": ["是", "否"],
        "hitech": ["是", "否"],
        "party_org_type": ["单建", "联建", "无"],
        "party_instructor": ["是", "否"],
    ]

    /// Registry columns an enterprise can confirm or correct, in this order.
    static let infoFields = ["industry_chain", "above_scale", "hitech", "party_org_type", "party_branch", "party_instructor"]

    static func requirement(_ f: FieldSpec) -> String {
        switch f.required {
        case .always: "必填"
        case .never: "选填"
        case .ifProducing: "投产企业必填"
        case .exceptJanuary: "必填（1月免报）"
        }
    }

    static func unitName(_ f: FieldSpec) -> String { f.unit?.name ?? "" }

    /// "本月", "本年1月至本月累计", … as a clause of a prompt.
    static func partPhrase(_ part: Part?) -> String {
        switch part {
        case .cur?, nil: "本月"
        case .ytd?: "本年1月至本月累计"
        case .pyCur?: "上年同月"
        case .pyYtd?: "上年1月至同月累计"
        case .end?: "本月末"
        case .pyEnd?: "上年同月末"
        }
    }

    /// The header of a wide-layout column: the part in brackets after the label (as template A
    /// writes it), and the unit when the title's 单位：万元 does not cover it. Line breaks keep the
    /// columns narrow for printing; the reader drops white space before matching.
    static func wideHeader(_ f: FieldSpec, _ part: Part?) -> String {
        var s = f.label
        if f.kind == .flow, let part { s += "\n（\(part == .ytd ? "本年累计" : part.chinese)）" }
        if let u = f.unit, u != .wanYuan { s += "\n（\(u.name)）" }
        return s
    }

    /// The Excel validation of a numeric input, with its prompt and alert.
    static func validation(_ f: FieldSpec, _ part: Part?, ranges: [CellRange]) -> TemplateLayout.Validation {
        let unit = unitName(f)
        let digits = f.integer ? "填整数" : "保留两位小数"
        var prompt = "请填写\(partPhrase(part))\(f.label)，单位：\(unit)，\(digits)"
        if f.negative == .allowed { prompt += "；亏损填负数" }
        if part == .ytd, f.negative != .allowed { prompt += "；不小于本月数" }
        prompt += "。不掌握的请留空，不要填“—”“无”。"
        let title = String((f.label + "（" + (f.kind == .flow ? (part ?? .cur).chinese : "期末") + "）").prefix(32))
        let rule: TemplateLayout.Validation.Rule
        var error: String
        var alert = TemplateLayout.Validation.Alert.stop
        if f.integer {
            let top = f.max ?? 99_999_999
            rule = .whole(min: f.negative == .allowed ? -top : 0, max: top)
            error = "\(f.label)须为 0 到 \(NumberText.format(top)) 之间的整数，请勿输入文字或单位。"
        } else {
            switch f.negative {
            case .allowed:
                rule = .decimal(min: nil, max: f.max)
                error = "\(f.label)须为数字（单位：\(unit)），亏损填负数，请勿输入文字或单位。"
            case .warning:
                rule = .decimal(min: 0, max: f.max)
                error = "\(f.label)一般不为负数（单位：\(unit)）。如确为负数（如退税），请点“是”保留并在报送时说明；否则请点“否”重新填写。"
                alert = .warning
            case .error:
                rule = .decimal(min: 0, max: f.max)
                error = "\(f.label)须为不小于 0 的数字（单位：\(unit)），请勿输入文字、单位或负数。"
            }
        }
        return .init(rule: rule, ranges: ranges, promptTitle: title, prompt: prompt, errorTitle: "数值有误",
                     error: error, alert: alert)
    }

    static func usccValidation(ranges: [CellRange]) -> TemplateLayout.Validation {
        .init(rule: .textLength(18), ranges: ranges, promptTitle: "统一社会信用代码",
              prompt: "请填写营业执照上的 18 位统一社会信用代码，字母大写，不含空格和连字符。",
              errorTitle: "代码长度不对", error: "统一社会信用代码应为 18 位，请对照营业执照核对后重新填写。", alert: .stop)
    }

    static func listValidation(_ label: String, _ items: [String], ranges: [CellRange]) -> TemplateLayout.Validation {
        .init(rule: .list(items), ranges: ranges, promptTitle: String(label.prefix(32)),
              prompt: "请从下拉列表中选择：" + items.joined(separator: "、") + "。",
              errorTitle: "请从列表中选择", error: "“\(label)”只能填：" + items.joined(separator: "、") + "。", alert: .stop)
    }

    /// The 填写说明 column of the 说明 sheet.
    static func instructions(_ f: FieldSpec, period: Period?) -> String {
        var s = ""
        switch f.kind {
        case .uscc: s = "18 位，字母大写，不含空格和连字符；请设为文本，勿存成数字。已由园区填好的请勿改动。"
        case .period: s = "已在表头填好" + (period.map { "（报告期：\($0.chinese)）" } ?? "") + "，请勿改动。"
        case .text where f.id == "enterprise_name": s = "填写全称，与营业执照一致。已由园区填好的请勿改动。"
        case .text: s = "文本。"
        case .date: s = "如 2024-08-05。"
        case .flow:
            s = "填本月数和本年累计数（1月至本月），" + (f.integer ? "整数" : "保留两位小数") + "；"
            if f.negative == .allowed { s += "亏损填负数；" } else { s += "累计数不小于本月数；" }
            if f.negative == .warning { s += "因退税等为负数时请说明；" }
            if f.zeroWarning { s += "为 0 时请核实；" }
        case .stock:
            s = "填报告期末数，" + (f.integer ? "整数" : "保留两位小数") + "；"
            if let max = f.max { s += "不超过 \(NumberText.format(max))；" }
        }
        s += relations[f.id] ?? ""
        if f.kind.isNumeric { s += "不掌握的留空，不要填“—”“无”；没有发生的填 0。" }
        if s.hasSuffix("；") { s.removeLast(); s += "。" }
        return s
    }
}
