/// The image check results (`DetectionOptions`): an overall status and one item per finding.
public struct DetectionOptions: Sendable, Hashable {
    /// One finding of the image check.
    public struct Item: Sendable, Hashable {
        /// `Name` of the check item.
        public var name: String?
        /// `Value` found.
        public var value: String?
        /// `RiskLevel`: `High`, `Medium`, `Low`.
        public var riskLevel: String?
        /// `RiskCode`.
        public var riskCode: String?

        /// Creates an item.
        public init(name: String? = nil, value: String? = nil, riskLevel: String? = nil, riskCode: String? = nil) {
            self.name = name
            self.value = value
            self.riskLevel = riskLevel
            self.riskCode = riskCode
        }

        /// Decodes an item tolerantly.
        public init(json: JSONValue) {
            name = json["Name"]?.stringValue
            value = json["Value"]?.stringValue
            riskLevel = json["RiskLevel"]?.stringValue
            riskCode = json["RiskCode"]?.stringValue
        }
    }

    /// `Status` of the check: `Processing`, `Finished`, `Failed`.
    public var status: String?
    /// `Items.Item`.
    public var items: [Item]

    /// Creates the options.
    public init(status: String? = nil, items: [Item] = []) {
        self.status = status
        self.items = items
    }

    /// Decodes `{"Status": ..., "Items": {"Item": [...]}}`.
    public init(json: JSONValue) {
        status = json["Status"]?.stringValue
        items = (json["Items"]?.list("Item") ?? []).map(Item.init(json:))
    }
}
