import Foundation

/// Runs a command through /usr/bin/env, returning its status and combined output.
@discardableResult
package func runCommand(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

/// Whether a command line succeeds, for `.enabled(if:)`.
package func commandSucceeds(_ arguments: [String]) -> Bool {
    (try? runCommand(arguments).status) == 0
}
