//! zhengqi (政企): turns Chinese news about local government and business into a
//! knowledge graph. The pipeline, one module per stage:
//! [`read`] documents -> [`extract`] mentions -> [`link`] entities -> [`graph`] ->
//! [`rdf`] mapping -> [`store`] -> query, [`export`], [`serve`]. [`pipeline`] runs the
//! stages in order; [`eval`] scores the result against gold annotations.

pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod graph;
pub mod link;
pub mod model;
pub mod nercheck;
pub mod pipeline;
pub mod rdf;
pub mod read;
pub mod segment;
pub mod serve;
pub mod store;
