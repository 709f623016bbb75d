import ECSShell

/// A line reader fed from a list, recording the prompts it was asked to show.
final class ScriptedLineReader: LineReader {
    private var results: [LineReadResult]
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []

    init(_ results: [LineReadResult]) { self.results = results }
    convenience init(lines: [String]) { self.init(lines.map { .line($0) }) }

    func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        return results.isEmpty ? .endOfInput : results.removeFirst()
    }

    func addHistory(_ entry: String) { history.append(entry) }
}
