import ArgumentParser
import SheetModel
import XLSXReader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Parkstat {
    /// The canonical cell dump of DOMAIN.md §8, the format of the corpus references.
    struct Dump: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "逐个输出工作簿中有值的单元格（JSONL 或 CSV）。")

        @Argument(help: "要读取的 .xlsx 文件。") var file: String
        @Option(help: "只输出该工作表。") var sheet: String?
        @Option(help: "输出格式：jsonl 或 csv。") var format: DumpFormat = .jsonl

        enum DumpFormat: String, ExpressibleByArgument { case jsonl, csv }

        func run() throws {
            let out = OutputBuffer()
            do {
                let book = try Workbook(path: file)
                if let sheet, !book.sheets.contains(where: { $0.name == sheet }) {
                    Console.error("parkstat: \(file)：工作簿中没有名为「\(sheet)」的工作表")
                    throw Exit.unreadable
                }
                if format == .csv { out.write("sheet,cell,t,v\n") }
                for (i, info) in book.sheets.enumerated() where info.kind == .worksheet {
                    if let sheet, info.name != sheet { continue }
                    let rows = try book.rows(at: i)
                    while let row = try rows.next() {
                        for cell in row.cells {
                            write(cell, row: row.index, sheet: info.name, system: book.dateSystem, to: out)
                        }
                    }
                }
                out.flush()
            } catch let error as SheetError {
                out.flush()
                Console.error("parkstat: \(error)")
                throw Exit.unreadable
            }
        }

        private func write(_ cell: Cell, row: UInt32, sheet: String, system: DateSystem, to out: OutputBuffer) {
            let (t, v): (String, DumpValue)
            switch cell.value {
            case .empty, .uncachedFormula: return
            case .text(let s): (t, v) = ("s", .string(s))
            case .bool(let b): (t, v) = ("b", .raw(b ? "true" : "false"))
            case .error(let e): (t, v) = ("e", .string(e.text))
            case .number(let d):
                (t, v) = d.isFinite ? ("n", .raw(formatNumber(d))) : ("s", .string(d.description))
            case .dateSerial(let d):
                if let iso = ExcelDate.isoText(serial: d, system: system) {
                    (t, v) = ("d", .string(iso))
                } else {
                    (t, v) = d.isFinite ? ("n", .raw(formatNumber(d))) : ("s", .string(d.description))
                }
            }
            let ref = CellRef(row: row, column: cell.column).description
            switch format {
            case .jsonl:
                out.write("{\"sheet\":")
                out.writeJSONString(sheet)
                out.write(",\"cell\":\"\(ref)\",\"t\":\"\(t)\",\"v\":")
                switch v {
                case .string(let s): out.writeJSONString(s)
                case .raw(let r): out.write(r)
                }
                out.write("}\n")
            case .csv:
                out.writeCSVField(sheet)
                out.write(",\(ref),\(t),")
                switch v {
                case .string(let s): out.writeCSVField(s)
                case .raw(let r): out.write(r)
                }
                out.write("\n")
            }
        }

        private enum DumpValue { case string(String), raw(String) }
    }
}
