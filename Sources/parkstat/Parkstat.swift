import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Parkstat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkstat",
        abstract: "园区企业月度统计报表的读取、校验、汇总工具。",
        discussion: """
        退出码：0 正常；1 发现问题（报告照常输出）；2 输入无法读取或输出失败；64 参数错误。
        """,
        subcommands: [Run.self, Validate.self, Ingest.self, ReportCommand.self, Template.self, Dump.self, Inspect.self, Watch.self])

    static func main() {
        // libzip turns every entry's DOS time into a time_t with mktime(), and glibc checks
        // /etc/localtime again on each call unless TZ is set: ten stat calls per workbook, 6 % of
        // validating 4 000 small files. ":/etc/localtime" is the zone glibc would use anyway, read once.
        if getenv("TZ") == nil { setenv("TZ", ":/etc/localtime", 0) }
        main(nil)
    }
}

/// Exit codes listed in the README.
enum Exit {
    static let issues = ExitCode(1)
    static let unreadable = ExitCode(2)
}
