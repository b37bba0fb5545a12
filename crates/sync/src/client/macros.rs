//! Supervisors' edits of the macros every console uses.

use reqwest::Method;

use super::{Client, ClientError, Extra};
use sahaya_protocol::domain::Macro;
use sahaya_protocol::wire::MacroEdit;

impl Client {
    /// `POST /v1/macros` (`id` None) or `PUT /v1/macros/{id}` with
    /// `Idempotency-Key` (supervisors): the macro as saved.
    pub async fn save_macro(
        &self,
        idempotency_key: &str,
        id: Option<i64>,
        edit: &MacroEdit,
    ) -> Result<Macro, ClientError> {
        let expected = "the saved macro (Macro)";
        let extra = Extra::key(idempotency_key);
        match id {
            None => {
                self.send(Method::POST, &["v1", "macros"], extra, edit, expected)
                    .await
            }
            Some(id) => {
                let id = id.to_string();
                self.send(Method::PUT, &["v1", "macros", &id], extra, edit, expected)
                    .await
            }
        }
    }

    /// `DELETE /v1/macros/{id}` with `Idempotency-Key` (supervisors): the
    /// macro's tombstone.
    pub async fn delete_macro(&self, idempotency_key: &str, id: i64) -> Result<Macro, ClientError> {
        let id = id.to_string();
        let url = self.url(&["v1", "macros", &id], &[])?;
        let extra = Extra::key(idempotency_key);
        self.call(
            Method::DELETE,
            url,
            extra,
            None::<&()>,
            "the deleted macro (Macro)",
        )
        .await
    }
}
