//! Request Tracker's JSON, as REST 2 sends it: field names in CamelCase,
//! ids sometimes numbers and sometimes strings, "unset" dates as 1970.
//! Everything optional defaults, so a site with other fields still decodes.

use serde::Deserialize;
use serde::de::{self, Deserializer};

use sahaya_protocol::domain::Timestamp;

/// One page of a collection (`/tickets`, `/transactions`, `/attachments`).
#[derive(Debug, Deserialize)]
pub struct Page<T> {
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
}

/// A user as expanded with `fields[X]=id,Name,RealName,EmailAddress,…`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct User {
    #[serde(deserialize_with = "id")]
    pub id: i64,
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "RealName")]
    pub real_name: String,
    #[serde(rename = "EmailAddress")]
    pub email: String,
    #[serde(rename = "Lang")]
    pub lang: String,
    #[serde(rename = "City")]
    pub city: String,
    #[serde(rename = "Created")]
    pub created: String,
}

impl User {
    /// What to call the user: the real name, else the address, else the login.
    pub fn display_name(&self) -> &str {
        [&self.real_name, &self.email, &self.name]
            .into_iter()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .unwrap_or("")
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Queue {
    #[serde(rename = "Name")]
    pub name: String,
}

/// A custom field's values on a record.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CustomField {
    pub name: String,
    pub values: Vec<serde_json::Value>,
}

/// The first value of the custom field `name`, if set.
pub fn cf_value<'a>(fields: &'a [CustomField], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|f| f.name.eq_ignore_ascii_case(name))?
        .values
        .iter()
        .find_map(|v| v.as_str())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Ticket {
    #[serde(deserialize_with = "id")]
    pub id: i64,
    #[serde(rename = "Subject")]
    pub subject: String,
    #[serde(rename = "Status")]
    pub status: String,
    #[serde(rename = "Queue")]
    pub queue: Queue,
    #[serde(rename = "Owner")]
    pub owner: User,
    #[serde(rename = "Priority", deserialize_with = "id")]
    pub priority: i64,
    #[serde(rename = "Requestor")]
    pub requestors: Vec<User>,
    #[serde(rename = "Created")]
    pub created: String,
    #[serde(rename = "LastUpdated")]
    pub last_updated: String,
    #[serde(rename = "Started")]
    pub started: String,
    #[serde(rename = "Due")]
    pub due: String,
    #[serde(rename = "CustomFields", deserialize_with = "custom_fields")]
    pub custom_fields: Vec<CustomField>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Transaction {
    #[serde(deserialize_with = "id")]
    pub id: i64,
    #[serde(rename = "Type")]
    pub kind: String,
    #[serde(rename = "ObjectId", deserialize_with = "id")]
    pub object_id: i64,
    #[serde(rename = "Creator")]
    pub creator: User,
    #[serde(rename = "Created")]
    pub created: String,
    #[serde(rename = "CustomFields", deserialize_with = "custom_fields")]
    pub custom_fields: Vec<CustomField>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Attachment {
    #[serde(deserialize_with = "id")]
    pub id: i64,
    #[serde(rename = "TransactionId", deserialize_with = "id")]
    pub transaction_id: i64,
    #[serde(rename = "ContentType")]
    pub content_type: String,
    #[serde(rename = "Content")]
    pub content: String,
    #[serde(rename = "Filename")]
    pub filename: String,
}

/// `GET /rt`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RtInfo {
    #[serde(rename = "Version")]
    pub version: String,
}

/// An RT date; `None` for RT's "not set" (1970-01-01) and for garbage.
pub fn date(s: &str) -> Option<Timestamp> {
    let t = chrono::DateTime::parse_from_rfc3339(s.trim()).ok()?;
    let t = t.with_timezone(&chrono::Utc);
    (t.timestamp() > 0).then_some(t)
}

/// A record's custom fields. Where none apply (a site without transaction
/// custom fields, a user who may see none) RT sends `""` instead of `[]`.
fn custom_fields<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<CustomField>, D::Error> {
    match serde_json::Value::deserialize(d)? {
        v @ serde_json::Value::Array(_) => serde_json::from_value(v).map_err(de::Error::custom),
        _ => Ok(Vec::new()),
    }
}

/// An id sent as a number, a numeric string, or an object with one (`{"id": 7}`).
fn id<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    match &v {
        serde_json::Value::Number(n) => n
            .as_i64()
            .ok_or_else(|| de::Error::custom("id out of range")),
        serde_json::Value::String(s) if s.trim().is_empty() => Ok(0),
        serde_json::Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| de::Error::custom(format!("expected a numeric id, got {s:?}"))),
        serde_json::Value::Object(o) => match o.get("id") {
            Some(inner) => id(inner.clone()).map_err(de::Error::custom),
            None => Err(de::Error::custom("an object without an id")),
        },
        serde_json::Value::Null => Ok(0),
        other => Err(de::Error::custom(format!("expected an id, got {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_rt_sends() {
        let t: Ticket = serde_json::from_str(
            r#"{"id":"1","Subject":"ಪಾರ್ಸೆಲ್ ಬಂದಿಲ್ಲ","Status":"new","Priority":"50",
                "Queue":{"Name":"General","id":"1"},
                "Owner":{"id":6,"Name":"Nobody"},
                "Requestor":[{"id":35,"EmailAddress":"asha@customer.test","RealName":""}],
                "Due":"1970-01-01T00:00:00Z","Created":"2026-12-04T18:40:05Z",
                "CustomFields":[{"name":"Order","values":["SH-1001"]},{"name":"Channel","values":[]}],
                "_hyperlinks":[]}"#,
        )
        .unwrap();
        assert_eq!((t.id, t.priority, t.owner.id), (1, 50, 6));
        assert_eq!(t.requestors[0].display_name(), "asha@customer.test");
        assert_eq!(cf_value(&t.custom_fields, "order"), Some("SH-1001"));
        assert_eq!(cf_value(&t.custom_fields, "Channel"), None);
        assert_eq!(date(&t.due), None);
        assert!(date(&t.created).is_some());
        let a: Attachment = serde_json::from_str(
            r#"{"id":"5","TransactionId":"42","Content":"x","ContentType":"text/plain"}"#,
        )
        .unwrap();
        assert_eq!(a.transaction_id, 42);
        let tx: Transaction = serde_json::from_str(
            r#"{"id":"42","Type":"Correspond","ObjectId":"1","Creator":{"id":31,"Name":"kavya"}}"#,
        )
        .unwrap();
        assert_eq!((tx.id, tx.object_id, tx.creator.id), (42, 1, 31));
        assert!(serde_json::from_str::<Transaction>(r#"{"id":"x"}"#).is_err());
        // No custom field applies: RT says "".
        let tx: Transaction = serde_json::from_str(
            r#"{"id":"43","Type":"Comment","ObjectId":"1","CustomFields":""}"#,
        )
        .unwrap();
        assert!(tx.custom_fields.is_empty());
        let t: Ticket = serde_json::from_str(r#"{"id":"2","CustomFields":""}"#).unwrap();
        assert!(t.custom_fields.is_empty());
    }
}
