import ArgumentParser
import Dispatch
import Foundation
import Logging
import Rules
import SheetModel
import Synchronization
import XLSXReader
import ZipXML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Parkstat {
    /// Reads every cell of every workbook (on all cores) and reports what it found: the read benchmark.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "读取工作簿的每个单元格，列出各工作表的范围、单元格类型统计和数值合计。",
            discussion: "目录会递归读取其中的 .xlsx/.xlsm 文件（按路径排序），跳过隐藏文件、隐藏目录和 ~$ 开头的锁文件。")

        @Argument(help: "要读取的 .xlsx/.xlsm 文件或目录（可以成千上万个）。") var inputs: [String]
        @Option(help: "输出格式：text 或 json。") var format: Format = .text

        @OptionGroup var global: GlobalOptions

        enum Format: String, ExpressibleByArgument { case text, json }

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("请至少指定一个 .xlsx 文件或目录。") }
        }

        func run() throws {
            let log = global.bootstrap()
            let started = monotonicSeconds()
            let paths = Inspect.workbooks(in: inputs)
            let bar = global.progress(total: paths.count)
            let results = Mutex<[Int: WorkbookStats]>([:])
            DispatchQueue.concurrentPerform(iterations: paths.count) { i in
                let stats = WorkbookStats.read(paths[i])
                results.withLock { $0[i] = stats }
                bar.advance(paths[i])
                log.debug("\(paths[i])：\(formatSeconds(stats.seconds)) 秒")
            }
            bar.finish()
            let all = results.withLock { d in (0..<paths.count).map { d[$0]! } }
            let out = OutputBuffer()
            switch format {
            case .text: printText(all, to: out)
            case .json: printJSON(all, to: out)
            }
            let failed = all.filter { $0.error != nil }
            let cells = all.reduce(0) { $0 + $1.sheets.reduce(0) { $0 + $1.cells } }
            let sheets = all.reduce(0) { $0 + $1.sheets.count }
            out.flush()
            Console.summary("共 \(all.count) 个文件、\(sheets) 个工作表、\(cells) 个单元格，无法读取 \(failed.count) 个，用时 \(formatSeconds(monotonicSeconds() - started)) 秒")
            for f in failed { Console.error("parkstat: \(f.error!)") }
            if !failed.isEmpty { throw Exit.unreadable }
        }

        /// Files as given; folders walked recursively and sorted, keeping only workbooks and leaving
        /// out hidden entries and Office's `~$` lock files (which are not workbooks).
        static func workbooks(in inputs: [String]) -> [String] {
            let fm = FileManager.default
            return inputs.flatMap { input -> [String] in
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue else { return [input] }
                return FolderWalk.files(in: input) { parts in
                    guard let name = parts.last, !parts.contains(where: { $0.hasPrefix(".") }), !name.hasPrefix("~$") else { return false }
                    let lower = name.lowercased()
                    return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
                }
            }
        }

        private func printText(_ all: [WorkbookStats], to out: OutputBuffer) {
            for book in all {
                out.write("\(book.path)（\(formatSeconds(book.seconds)) 秒）\n")
                if let error = book.error {
                    out.write("  无法读取：\(error.message) [\(error.code.ruleID)]\n")
                    continue
                }
                for s in book.sheets {
                    out.write("  「\(s.name)」 \(s.kindLabel) \(s.stateLabel) 范围 \(s.range ?? "—")"
                        + " 文本 \(s.strings) 数字 \(s.numbers) 日期 \(s.dates) 布尔 \(s.bools) 错误 \(s.errors)"
                        + " 数值合计 \(formatNumber(s.sum))\n")
                }
            }
        }

        private func printJSON(_ all: [WorkbookStats], to out: OutputBuffer) {
            out.write("[")
            for (i, book) in all.enumerated() {
                if i > 0 { out.write(",") }
                out.write("{\"path\":")
                out.writeJSONString(book.path)
                out.write(",\"seconds\":\(book.seconds)")
                if let error = book.error {
                    out.write(",\"error\":{\"rule\":\"\(error.code.ruleID)\",\"message\":")
                    out.writeJSONString(error.description)
                    out.write("}")
                }
                out.write(",\"sheets\":[")
                for (j, s) in book.sheets.enumerated() {
                    if j > 0 { out.write(",") }
                    out.write("{\"name\":")
                    out.writeJSONString(s.name)
                    out.write(",\"kind\":\"\(s.kind.rawValue)\",\"state\":\"\(s.state.rawValue)\",\"range\":")
                    if let r = s.range { out.writeJSONString(r) } else { out.write("null") }
                    out.write(",\"cells\":{\"s\":\(s.strings),\"n\":\(s.numbers),\"d\":\(s.dates),\"b\":\(s.bools),\"e\":\(s.errors)}")
                    out.write(",\"sum\":\(s.sum.isFinite ? formatNumber(s.sum) : "null")}")
                }
                out.write("]}")
            }
            out.write("]\n")
        }
    }
}

/// What `inspect` reports for one workbook.
struct WorkbookStats: Sendable {
    var path: String
    var seconds: Double = 0
    var sheets: [SheetStats] = []
    var error: SheetError?

    static func read(_ path: String) -> WorkbookStats {
        let started = monotonicSeconds()
        var result = WorkbookStats(path: path)
        do {
            // A small file is read whole first: one read instead of libzip's seeks and reads.
            let book = try FileBytes(path: path).map { try Workbook(path: path, bytes: $0) } ?? Workbook(path: path)
            for (i, info) in book.sheets.enumerated() {
                var s = SheetStats(name: info.name, kind: info.kind, state: info.state)
                let rows = try book.rows(at: i)
                while let row = try rows.next() { s.add(row) }
                result.sheets.append(s)
            }
        } catch let error as SheetError {
            result.error = error
        } catch {
            result.error = SheetError(.io, file: path, message: "读取失败", underlying: "\(error)")
        }
        result.seconds = monotonicSeconds() - started
        return result
    }
}

struct SheetStats: Sendable {
    var name: String
    var kind: SheetKind
    var state: SheetState
    var strings = 0, numbers = 0, dates = 0, bools = 0, errors = 0
    var sum = 0.0
    var minRow = UInt32.max, maxRow: UInt32 = 0, minColumn = UInt16.max, maxColumn: UInt16 = 0

    var cells: Int { strings + numbers + dates + bools + errors }

    mutating func add(_ row: Row) {
        guard let first = row.cells.first, let last = row.cells.last else { return }
        minRow = min(minRow, row.index)
        maxRow = max(maxRow, row.index)
        minColumn = min(minColumn, first.column)
        maxColumn = max(maxColumn, last.column)
        for cell in row.cells {
            switch cell.value {
            case .number(let d): numbers += 1; sum += d
            case .dateSerial: dates += 1
            case .text: strings += 1
            case .bool: bools += 1
            case .error: errors += 1
            case .empty, .uncachedFormula: break
            }
        }
    }

    var range: String? {
        guard minRow != UInt32.max else { return nil }
        return CellRange(first: CellRef(row: minRow, column: minColumn), last: CellRef(row: maxRow, column: maxColumn)).description
    }

    var kindLabel: String {
        switch kind {
        case .worksheet: return "工作表"
        case .chartsheet: return "图表工作表"
        case .dialogsheet: return "对话框工作表"
        case .macrosheet: return "宏工作表"
        }
    }

    var stateLabel: String {
        switch state {
        case .visible: return "显示"
        case .hidden: return "隐藏"
        case .veryHidden: return "深度隐藏"
        }
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func formatSeconds(_ s: Double) -> String {
    let ms = (s * 1000).rounded()
    return String(Int(ms) / 1000) + "." + String(String(Int(ms) % 1000 + 1000).dropFirst())
}
