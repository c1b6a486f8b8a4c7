//! The checks, one module per rule group. Each emits problems through [`Context::emit`], which
//! drops rules that do not apply to the profile and attaches the rule's severity and citation.
//!
//! Checks of what any document has (its JSON shape, URLs, algorithm lists, signed metadata,
//! language tags, scopes) are generic over the document type ([`Judge`]); checks of one
//! document kind's members take that type.

use oidc_discovery_metadata::{Metadata, ProtectedResourceMetadata, ProviderMetadata};

use crate::report::{Collector, Text};
use crate::{Options, Profile, Rule, Severity};

mod algorithms;
mod cross_field;
mod fapi2;
mod issuer;
pub(crate) mod json;
mod mtls;
mod presence;
mod resource;
mod response_types;
mod shape;
mod signed;
pub(crate) mod urls;
mod values;

/// What every check sees, and where it puts problems.
pub(crate) struct Context<'a, D = ProviderMetadata> {
    pub(crate) profile: Profile,
    pub(crate) options: &'a Options,
    pub(crate) metadata: &'a D,
    pub(crate) problems: Collector,
}

impl<D> Context<'_, D> {
    /// Whether `rule` applies under the profile.
    pub(crate) fn applies(&self, rule: &Rule) -> bool {
        rule.severity(self.profile).is_some()
    }

    /// Records a problem, unless `rule` does not apply under the profile. Past the rule's
    /// limit of listed problems (`MAX_REPEATS`) it is only counted: a check that may find a
    /// problem per array element passes closures, so that `pointer` and `message` are built
    /// only for the problems a report keeps.
    pub(crate) fn emit(&mut self, rule: &'static Rule, pointer: impl Text, message: impl Text) {
        self.problems.add(rule, rule.spec, pointer, message);
    }

    /// Records a problem that cites `spec`, the part of the rule's citation that defines the
    /// member at hand, unless `rule` does not apply under the profile.
    pub(crate) fn emit_citing(
        &mut self,
        rule: &'static Rule,
        spec: &'static str,
        pointer: impl Text,
        message: impl Text,
    ) {
        self.problems.add(rule, spec, pointer, message);
    }

    /// The severity `rule` has under the profile (for wording a message to agree with it).
    pub(crate) fn severity(&self, rule: &Rule) -> Option<Severity> {
        rule.severity(self.profile)
    }
}

/// A document type the validator judges: what the generic checks need to know of it, and the
/// checks that run on it.
pub(crate) trait Judge: Metadata {
    /// The endpoints whose defining specification requires https, with that specification.
    const HTTPS_REQUIRED: &'static [(&'static str, &'static str)];

    /// Runs every check on a parsed document.
    fn run(context: &mut Context<'_, Self>);

    /// `scopes_supported`, when it is an array of strings.
    fn scopes_supported(&self) -> Option<&[String]>;

    /// Every algorithm list of the document, with its family and values.
    fn algorithm_lists(&self) -> Vec<algorithms::AlgList<'_>>;
}

impl Judge for ProviderMetadata {
    const HTTPS_REQUIRED: &'static [(&'static str, &'static str)] = &urls::PROVIDER_HTTPS_REQUIRED;

    fn run(context: &mut Context<'_, Self>) {
        shape::check(context);
        issuer::check(context);
        urls::check(context);
        presence::check(context);
        algorithms::check(context);
        algorithms::provider(context);
        response_types::check(context);
        cross_field::check(context);
        signed::check(context);
        mtls::check(context);
        values::check(context);
        values::provider(context);
        fapi2::check(context);
        resource::check(context);
    }

    fn scopes_supported(&self) -> Option<&[String]> {
        self.scopes_supported.as_deref()
    }

    fn algorithm_lists(&self) -> Vec<algorithms::AlgList<'_>> {
        algorithms::provider_lists(self)
    }
}

impl Judge for ProtectedResourceMetadata {
    const HTTPS_REQUIRED: &'static [(&'static str, &'static str)] = &urls::RESOURCE_HTTPS_REQUIRED;

    fn run(context: &mut Context<'_, Self>) {
        shape::check(context);
        resource::document(context);
        urls::check(context);
        algorithms::check(context);
        signed::check(context);
        values::check(context);
        values::resource(context);
    }

    fn scopes_supported(&self) -> Option<&[String]> {
        self.scopes_supported.as_deref()
    }

    fn algorithm_lists(&self) -> Vec<algorithms::AlgList<'_>> {
        algorithms::resource_lists(self)
    }
}

/// Runs every check on a parsed document.
pub(crate) fn run<D: Judge>(context: &mut Context<'_, D>) {
    D::run(context);
}

/// How a missing or unusable member is described: absent, `null`, or of the wrong type.
pub(crate) fn absence<D: Metadata>(metadata: &D, name: &str) -> &'static str {
    match metadata.other().get(name) {
        None => "absent",
        Some(value) if value.is_null() => "null",
        Some(_) => "not of its JSON type",
    }
}

/// "`a`, `b` and `c`"; a list longer than `MAX_REPEATS` items (a document can make one as long
/// as itself) as its first items and how many more: "`a`, `b`, … and 12 more".
pub(crate) fn list(items: &[&str]) -> String {
    let shown = items.len().min(crate::MAX_REPEATS);
    let quoted: Vec<String> = items[..shown]
        .iter()
        .map(|item| format!("`{item}`"))
        .collect();
    if shown < items.len() {
        return format!("{}, … and {} more", quoted.join(", "), items.len() - shown);
    }
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_are_bounded() {
        assert_eq!(super::list(&[]), "");
        assert_eq!(super::list(&["a"]), "`a`");
        assert_eq!(super::list(&["a", "b", "c"]), "`a`, `b` and `c`");
        let many: Vec<String> = (0..25).map(|i| i.to_string()).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            super::list(&many),
            "`0`, `1`, `2`, `3`, `4`, `5`, `6`, `7`, `8`, `9`, … and 15 more"
        );
    }
}
