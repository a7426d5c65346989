import SheetModel
import TestSupport
import XLSXReader

/// Every cell of a reader fixture, keyed "Sheet!A1".
func cells(_ fixture: String) throws -> [String: CellValue] {
    let book = try Workbook.load(path: Fixtures.reader(fixture))
    var out: [String: CellValue] = [:]
    for sheet in book.sheets {
        for row in sheet.rows {
            for cell in row.cells {
                out["\(sheet.name)!\(CellRef(row: row.index, column: cell.column))"] = cell.value
            }
        }
    }
    return out
}

/// The rule ID a reader error reports under.
func ruleOfError(_ fixture: String) -> String? {
    do {
        _ = try Workbook.load(path: Fixtures.reader(fixture))
        return nil
    } catch let error as SheetError {
        return error.code.ruleID
    } catch {
        return "unexpected: \(error)"
    }
}
