import SheetModel

/// Chinese messages for the layout-level rules: what is wrong, what was expected, how to fix it.
/// Row-level messages live with their rules in `RecordChecks`.
enum Messages {
    static func name(_ field: FieldSpec, _ part: Part?) -> String {
        guard let part, field.kind == .flow || part == .pyEnd else { return "「\(field.label)」" }
        return "「\(field.label)·\(part.chinese)」"
    }

    static func fieldKey(_ field: FieldSpec, _ part: Part?) -> String {
        FieldKey(id: field.id, part: part).name
    }

    static func unitConflict(file: String, sheet: String, cell: CellRef, seen: String, declared: Unit?,
                             declaredAt: CellRef?) -> Finding {
        var msg = "单位声明互相矛盾：此处为“\(seen)”"
        if let declared {
            msg += declaredAt.map { "，而 \($0) 已声明为“\(declared.name)”" } ?? "，而该指标应以“\(declared.name)”计"
        } else {
            msg += "，与上方合并表头的单位不同"
        }
        msg += "。请统一全表的计量单位（建议统一为万元），只在一处声明。"
        return Finding(rule: "unit.conflict", severity: .error, file: file, sheet: sheet, cell: cell, value: seen,
                       message: msg, rejectsFile: true)
    }

    static func unitConverted(file: String, sheet: String, cell: CellRef, from: Unit, to: Unit,
                              message: String? = nil) -> Finding {
        Finding(rule: "unit.converted", severity: .info, file: file, sheet: sheet, cell: cell, value: from.name,
                message: message ?? unitConvertedMessage(from: from, to: to))
    }

    static func unitConvertedMessage(from: Unit, to: Unit) -> String {
        "数据以“\(from.name)”填报，已换算为“\(to.name)”。无需处理；如单位标错请更正。"
    }

    static func duplicateField(file: String, sheet: String, cell: CellRef, field: FieldSpec, part: Part?,
                               first: CellRef) -> Finding {
        Finding(rule: "header.duplicate_field", severity: .error, file: file, sheet: sheet, cell: cell,
                field: fieldKey(field, part),
                message: "\(name(field, part))出现两列（\(first) 与 \(cell)），无法确定以哪一列为准。请删除重复的列，或改正表头。",
                rejectsFile: true)
    }

    static func unknownColumn(file: String, sheet: String, cell: CellRef, label: String) -> Finding {
        Finding(rule: "header.unknown_column", severity: .warning, file: file, sheet: sheet, cell: cell, value: label,
                message: "表头“\(label)”不是报表中的指标，该列已忽略。如是报表指标，请使用标准名称（见报表模板）；否则可删除该列。")
    }

    static func missingField(file: String, sheet: String, field: FieldSpec, part: Part?) -> Finding {
        let what = field.kind == .period ? "报告期（表中“报告期”一栏、标题行“报告期：2024年7月”或月份文件夹均可）"
            : name(field, part)
        return Finding(rule: "header.missing_field", severity: .error, file: file, sheet: sheet,
                       field: field.kind == .period ? field.id : fieldKey(field, part),
                       message: "缺少必报项\(what)。请按报表模板补上该列（或该指标行）后重新报送。", rejectsFile: true)
    }

    static func noneMatched(file: String, sheets: [String]) -> Finding {
        Finding(rule: "sheet.none_matched", severity: .error, file: file,
                message: "没有找到数据表：工作表（\(sheets.joined(separator: "、"))）中都找不到“统一社会信用代码/企业名称”和产值、税收等指标的表头。请使用园区下发的报表模板填报。",
                rejectsFile: true)
    }

    static func ambiguous(file: String, sheets: [String]) -> Finding {
        Finding(rule: "sheet.ambiguous", severity: .error, file: file,
                message: "多个工作表（\(sheets.joined(separator: "、"))）都像本月数据表，无法确定报送哪一张。请只保留本月数据表，或把其他表删除后重新报送。",
                rejectsFile: true)
    }

    static func periodInvalid(file: String, sheet: String?, cell: CellRef?, value: String?) -> Finding {
        Finding(rule: "period.invalid", severity: .error, file: file, sheet: sheet, cell: cell, field: "period", value: value,
                message: "报告期无法识别。应为年月，如“2024-07”或“2024年7月”。请改正报告期。")
    }

    static func periodAmbiguous(file: String, sheet: String?, cell: CellRef?, value: String?) -> Finding {
        Finding(rule: "period.ambiguous", severity: .error, file: file, sheet: sheet, cell: cell, field: "period", value: value,
                message: "报告期“\(value ?? "")”有歧义：可能是 1 月，也可能是 10 月（末尾的 0 被表格去掉）。请写成“2024-01”或“2024年10月”，并把单元格设为文本。")
    }

    static func periodMismatch(file: String, sheet: String, cell: CellRef, value: String?, seen: Period, batch: Period) -> Finding {
        Finding(rule: "period.mismatch", severity: .error, file: file, sheet: sheet, cell: cell, field: "period", value: value,
                message: "表中报告期为 \(seen.chinese)，而本批次是 \(batch.chinese)。请确认报送的是 \(batch.chinese) 的数据，并改正报告期；若文件放错了月份文件夹，请移到正确的文件夹。",
                rejectsFile: true)
    }

    static func filenameMismatch(file: String, sheet: String?, cell: CellRef?, named: Period, effective: Period) -> Finding {
        Finding(rule: "period.filename_mismatch", severity: .warning, file: file, sheet: sheet, cell: cell, field: "period",
                value: named.description,
                message: "文件名中的月份（\(named.chinese)）与报告期 \(effective.chinese) 不一致。数据按 \(effective.chinese) 检查；请把文件名改成正确的月份，以免混淆。")
    }
}
