//! Conversions between the crate's plain RDF terms and Oxigraph's, so no Oxigraph
//! type leaks out of `store`.

use super::{StoreError, internal};
use crate::rdf::{Quad, Term};
use oxigraph::model::{
    BlankNode, GraphName, Literal, NamedNode, NamedOrBlankNode, Quad as OxQuad, Term as OxTerm,
};

pub(super) fn to_ox_term(t: &Term) -> Result<OxTerm, StoreError> {
    Ok(match t {
        Term::Iri(i) => NamedNode::new(i.as_str())
            .map_err(|e| internal(format!("bad IRI <{i}>: {e}")))?
            .into(),
        Term::Blank(b) => BlankNode::new(b.as_str()).map_err(internal)?.into(),
        Term::Literal {
            value,
            lang: Some(l),
            ..
        } => Literal::new_language_tagged_literal(value.as_str(), l.as_str())
            .map_err(internal)?
            .into(),
        Term::Literal {
            value,
            datatype: Some(d),
            ..
        } => Literal::new_typed_literal(
            value.as_str(),
            NamedNode::new(d.as_str()).map_err(internal)?,
        )
        .into(),
        Term::Literal { value, .. } => Literal::new_simple_literal(value.as_str()).into(),
    })
}

pub(super) fn to_ox(q: &Quad, graph: GraphName) -> Result<OxQuad, StoreError> {
    let subject: NamedOrBlankNode = match to_ox_term(&q.subject)? {
        OxTerm::NamedNode(n) => n.into(),
        OxTerm::BlankNode(b) => b.into(),
        other => return Err(internal(format!("literal subject {other}"))),
    };
    let predicate = NamedNode::new(q.predicate.as_str()).map_err(internal)?;
    Ok(OxQuad::new(
        subject,
        predicate,
        to_ox_term(&q.object)?,
        graph,
    ))
}

pub(super) fn from_ox(t: &OxTerm) -> Term {
    match t {
        OxTerm::NamedNode(n) => Term::Iri(n.as_str().to_string()),
        OxTerm::BlankNode(b) => Term::Blank(b.as_str().to_string()),
        OxTerm::Literal(l) => {
            let datatype = l.datatype().as_str();
            Term::Literal {
                value: l.value().to_string(),
                lang: l.language().map(str::to_string),
                datatype: (datatype != "http://www.w3.org/2001/XMLSchema#string"
                    && l.language().is_none())
                .then(|| datatype.to_string()),
            }
        }
        #[allow(unreachable_patterns)]
        other => Term::Literal {
            value: other.to_string(),
            lang: None,
            datatype: None,
        },
    }
}
