import Rules

/// `summary-YYYY-MM.json` (DOMAIN.md §8): the keys §8 names, in its order, then extra keys
/// (growth, ratios, party coverage, breakdowns). Fixed key order and rounded numbers, no
/// timestamps: the same store gives the same bytes, so a rerun is visibly a no-op.
extension PeriodSummary {
    /// The flows §8 lists under `totals`.
    static let mainFlows = ["gross_output", "sales_output", "revenue", "tax_paid"]

    public func summaryJSON() -> String {
        var o = JSONObject()
        o.add("period", .string(period))
        o.add("expected", .int(expected))
        o.add("reporting", .int(reporting))
        o.add("accepted_rows", .int(acceptedRows))
        o.add("totals", PeriodSummary.totals(flows: flows, stocks: stocks, enterprises: nil))
        var chains = JSONObject()
        for b in byIndustryChain { chains.add(b.key, PeriodSummary.totals(flows: b.flows, stocks: b.stocks, enterprises: b.enterprises)) }
        o.add("by_industry_chain", .object(chains))
        o.add("missing", .array(missing.map { .string($0.uscc) }))
        // Extras beyond §8.
        o.add("park_name", .string(parkName))
        o.add("reporting_rate", .number(reportingRate))
        o.add("rejected_enterprises", .int(rejectedEnterprises))
        o.add("missing_enterprises", .array(missing.map { m in
            var e = JSONObject(); e.add("uscc", .string(m.uscc)); e.add("name", .string(m.name)); return .object(e)
        }))
        var other = JSONObject()
        for k in flows.keys.sorted() where !PeriodSummary.mainFlows.contains(k) {
            var f = JSONObject(); f.add("cur", .number(flows[k]!.cur)); f.add("ytd", .number(flows[k]!.ytd)); other.add(k, .object(f))
        }
        o.add("other_flows", .object(other))
        o.add("growth", PeriodSummary.growth(flows: flows, stocks: stocks))
        for (name, groups) in [("by_scale", byScale), ("by_hitech", byHitech), ("by_status", byStatus)] {
            var g = JSONObject()
            for b in groups { g.add(b.key, PeriodSummary.totals(flows: b.flows, stocks: b.stocks, enterprises: b.enterprises)) }
            o.add(name, .object(g))
        }
        var r = JSONObject()
        r.add("sales_rate", .number(ratios.salesRate))
        r.add("output_per_employee", .number(ratios.outputPerEmployee))
        r.add("tax_to_output", .number(ratios.taxToOutput))
        r.add("output_per_mu", .number(ratios.outputPerMu))
        r.add("tax_per_mu", .number(ratios.taxPerMu))
        r.add("land_scope_enterprises", .int(ratios.landScopeEnterprises))
        o.add("ratios", .object(r))
        var p = JSONObject()
        p.add("scope", .string(party.scope))
        p.add("scope_enterprises", .int(party.scopeEnterprises))
        p.add("single_branch", .int(party.singleBranch))
        p.add("joint_branch", .int(party.jointBranch))
        p.add("single_branch_rate", .number(party.singleBranchRate))
        p.add("coverage_rate", .number(party.coverageRate))
        p.add("members", .number(party.members))
        p.add("member_share_of_employees", .number(party.memberShareOfEmployees))
        o.add("party", .object(p))
        o.add("revisions", .int(revisions.count))
        var out = ""
        JSONValue.object(o).write(into: &out)
        return out + "\n"
    }

    static func totals(flows: [String: FlowTotal], stocks: [String: StockTotal], enterprises: Int?) -> JSONValue {
        var t = JSONObject()
        for k in mainFlows {
            var f = JSONObject(); f.add("cur", .number(flows[k]?.cur)); f.add("ytd", .number(flows[k]?.ytd)); t.add(k, .object(f))
        }
        t.add("employees_end", .number(stocks["employees_end"]?.end))
        t.add("party_members", .number(stocks["party_members"]?.end))
        if let enterprises { t.add("enterprises", .int(enterprises)) }
        return .object(t)
    }

    static func growth(flows: [String: FlowTotal], stocks: [String: StockTotal]) -> JSONValue {
        var g = JSONObject()
        for k in flows.keys.sorted() {
            let f = flows[k]!
            var x = JSONObject()
            x.add("yoy_cur", .number(f.yoyCur)); x.add("yoy_ytd", .number(f.yoyYtd)); x.add("mom", .number(f.mom))
            x.add("comparable_yoy_ytd", .number(f.comparableYoyYtd)); x.add("comparable_mom", .number(f.comparableMom))
            x.add("py_cur", .number(f.pyCur)); x.add("py_ytd", .number(f.pyYtd)); x.add("prev_cur", .number(f.prevCur))
            g.add(k, .object(x))
        }
        for k in stocks.keys.sorted() {
            let s = stocks[k]!
            var x = JSONObject()
            x.add("yoy", .number(s.yoy)); x.add("mom", .number(s.mom))
            x.add("py_end", .number(s.pyEnd)); x.add("prev_end", .number(s.prevEnd))
            g.add(k, .object(x))
        }
        return .object(g)
    }
}

/// A JSON object whose keys keep the order they were added in.
struct JSONObject {
    var pairs: [(String, JSONValue)] = []
    mutating func add(_ key: String, _ value: JSONValue) { pairs.append((key, value)) }
}

indirect enum JSONValue {
    case string(String), int(Int), number(Double?), array([JSONValue]), object(JSONObject)

    func write(into out: inout String) {
        switch self {
        case .string(let s): JSONValue.quote(s, into: &out)
        case .int(let i): out += String(i)
        case .number(let d): out += d.map(JSONValue.format) ?? "null"
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() { if i > 0 { out += "," }; v.write(into: &out) }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, (k, v)) in o.pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.quote(k, into: &out); out += ":"; v.write(into: &out)
            }
            out += "}"
        }
    }

    /// Rounded to 6 decimals, so 27346.199999999997 prints as 27346.2; integers without ".0".
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let r = (d * 1_000_000).rounded() / 1_000_000
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return String(r)
    }

    static func quote(_ s: String, into out: inout String) {
        out += JSON.string(s)
    }
}
