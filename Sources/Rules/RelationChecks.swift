import SheetModel

/// Rules between fields of one row, and between this month and the last (§6).
extension RecordChecker {
    func checkRelations(_ record: Record, _ period: Period?, _ enterprise: Registry.Enterprise?, _ out: inout RowOutcome) {
        func v(_ id: String, _ part: Part) -> Double? { out.values[slots.slot(id, part)] }
        func e(_ id: String, _ part: Part) -> Entry? { record.entries[slots.slot(id, part)] }

        for field in schema.fields where field.kind == .flow {
            let ytdKey = FieldKey(id: field.id, part: .ytd)
            guard let cur = out.values[slots.slot(field, .cur)], let ytd = out.values[slots.slot(field, .ytd)] else { continue }
            if period?.isJanuary == true {
                if !Tolerance.equal(ytd, cur) {
                    out.findings.append(finding("ytd.january_mismatch", .error, e(field.id, .ytd), ytdKey,
                        "1 月的\(label(ytdKey))应等于本月数 \(NumberText.format(cur))，此处为 \(NumberText.format(ytd))。请改正本年累计或本月数。"))
                }
            } else if field.negative != .allowed, cur >= 0, Tolerance.less(ytd, cur) {
                out.findings.append(finding("ytd.less_than_month", .error, e(field.id, .ytd), ytdKey,
                    "\(label(ytdKey)) \(NumberText.format(ytd)) 小于本月数 \(NumberText.format(cur))。累计数应不小于本月数，请检查是否填反了两列。"))
            }
        }
        if let export = v("export_value", .cur), let sales = v("sales_output", .cur), Tolerance.less(sales, export) {
            let key = FieldKey(id: "export_value", part: .cur)
            out.findings.append(finding("export.exceeds_sales", .error, e("export_value", .cur), key,
                "\(label(key)) \(NumberText.format(export)) 大于工业销售产值 \(NumberText.format(sales))。出口交货值是销售产值的一部分，请核对。"))
        }
        if let party = v("party_members", .end), let staff = v("employees_end", .end), party > staff {
            let key = FieldKey(id: "party_members", part: .end)
            out.findings.append(finding("party.exceeds_staff", .warning, e("party_members", .end), key,
                "党员人数 \(NumberText.format(party)) 多于从业人员期末人数 \(NumberText.format(staff))。请核对两项人数。"))
        }
        if let sales = v("sales_output", .cur), let gross = v("gross_output", .cur), gross > 0 {
            let ratio = sales / gross
            if ratio < 0.7 || ratio > 1.3 {
                let key = FieldKey(id: "sales_output", part: .cur)
                out.findings.append(finding("ratio.sales_output", .warning, e("sales_output", .cur), key,
                    "产销率为 \(NumberText.format((ratio * 1000).rounded() / 10))%，超出通常的 70%–130%。请核对工业总产值与工业销售产值（是否单位不一致）。"))
            }
        }
        if let enterprise, let status = enterprise.status, status == "在建" || status == "停产",
           let gross = v("gross_output", .cur), gross > 0 {
            let key = FieldKey(id: "gross_output", part: .cur)
            out.findings.append(finding("enterprise.status_conflict", .warning, e("gross_output", .cur), key,
                "企业名录中该企业状态为“\(status)”，但本月工业总产值为 \(NumberText.format(gross))。如已投产，请通知园区统计办更新企业状态；否则请核对产值。"))
        }
    }

    /// ytd.discontinuity, ytd.swapped, trend.*: silent without a store or without last month's row.
    func checkAgainstLastMonth(_ record: Record, _ uscc: String, _ period: Period, _ out: inout RowOutcome) {
        guard let prior else { return }
        let last = prior.facts(uscc: uscc, period: period.previous.description)
        func e(_ k: FieldKey) -> Entry? { record.entries[slots.slot(k.id, k.part)] }
        for field in schema.fields where field.kind.isNumeric {
            if field.kind == .flow, !period.isJanuary, let cur = out.values[slots.slot(field, .cur)],
               let ytd = out.values[slots.slot(field, .ytd)] {
                let ytdKey = FieldKey(id: field.id, part: .ytd)
                if Tolerance.equal(ytd, cur), cur > 0,
                   prior.hadOutputEarlierInYear(uscc: uscc, field: field.id, before: period.description) {
                    out.findings.append(finding("ytd.swapped", .warning, e(ytdKey), ytdKey,
                        "\(label(ytdKey))与本月数相同（\(NumberText.format(cur))），但本年前几个月已有数据。本年累计应含 1 月至本月，请检查是否把本月数填进了累计栏。"))
                } else if let lastYtd = last?[field.id]?["ytd"] {
                    let expected = lastYtd + cur
                    if abs(ytd - expected) > max(0.5, 0.001 * abs(ytd)) + 1e-9 {
                        out.findings.append(finding("ytd.discontinuity", .warning, e(ytdKey), ytdKey,
                            "\(label(ytdKey)) \(NumberText.format(ytd)) 不等于上月累计 \(NumberText.format(lastYtd)) 加本月 \(NumberText.format(cur))（= \(NumberText.format(expected))）。请核对累计数；如上月数有误，请说明。"))
                    }
                }
            }
            guard let last else { continue }
            let part: Part = field.kind == .flow ? .cur : .end
            let key = FieldKey(id: field.id, part: part)
            guard let now = out.values[slots.slot(field, part)], let before = last[field.id]?[part.rawValue], now > 0, before > 0 else { continue }
            let ratio = now / before
            if field.unit?.dimension != .people, (5_000...20_000).contains(ratio) || (1.0 / 20_000...1.0 / 5_000).contains(ratio) {
                out.findings.append(finding("trend.unit_suspected", .warning, e(key), key,
                    "\(label(key)) \(NumberText.format(now)) 约为上月 \(NumberText.format(before)) 的 \(ratio > 1 ? "一万倍" : "万分之一")，疑似单位填错（元/万元）。请按“\(field.unit?.name ?? "")”填写。"))
            } else if field.id == "employees_end", abs(ratio - 1) > 0.3 {
                out.findings.append(finding("trend.staff_jump", .warning, e(key), key,
                    "从业人员期末人数由上月 \(NumberText.format(before)) 变为 \(NumberText.format(now))，变动超过 30%。请核对；如属实请在备注中说明原因。"))
            }
        }
    }
}
