//! The measuring commands: `eval` against gold annotations and `ner-check` on
//! labelled sentences.

use super::default_inputs;
use anyhow::{Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zhengqi::eval;
use zhengqi::gazetteer::Gazetteer;
use zhengqi::pipeline;
use zhengqi::store::Store;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// A gold JSON file or a folder of them.
    #[arg(long)]
    gold: PathBuf,
    /// Documents to build; by default those the gold files name, looked up
    /// beside the given inputs.
    inputs: Vec<PathBuf>,
    /// List every false positive and false negative.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(clap::Args)]
pub struct NerCheckArgs {
    /// The JSON Lines file, e.g. ../shared/ner/cluener2020/dev.jsonl.
    path: PathBuf,
    /// Also list up to N false negatives, false positives and boundary
    /// disagreements per type.
    #[arg(long, value_name = "N")]
    verbose: Option<usize>,
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    eval_cmd(&args.gold, args.inputs, args.verbose)
}

pub fn ner_check(args: NerCheckArgs) -> Result<ExitCode> {
    let report = zhengqi::nercheck::check(&args.path, &Gazetteer::bundled())?;
    print!("{}", report.table());
    if let Some(n) = args.verbose {
        print!("{}", report.examples_text(n));
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_cmd(gold: &Path, inputs: Vec<PathBuf>, verbose: bool) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let gold_files: Vec<PathBuf> = if gold.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(gold)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        v.sort();
        v
    } else {
        vec![gold.to_path_buf()]
    };
    let gaz = Gazetteer::bundled();
    let inputs = default_inputs(inputs);
    let mut total = eval::Report::default();
    let mut failed = false;
    for g in &gold_files {
        let gold = eval::load_gold(g)?;
        // The document the gold annotates: an input with that file name, or one
        // inside an input folder; `file.jsonl#id` names one record of a corpus.
        let (file, item) = match gold.document.split_once('#') {
            Some((f, id)) => (f.to_string(), Some(id.to_string())),
            None => (gold.document.clone(), None),
        };
        let doc = inputs.iter().find_map(|i| {
            if i.file_name().is_some_and(|n| n == file.as_str()) {
                Some(i.clone())
            } else if i.is_dir() && i.join(&file).exists() {
                Some(i.join(&file))
            } else {
                None
            }
        });
        let Some(doc) = doc else {
            if gold_files.len() == 1 {
                bail!(
                    "{}: document {} not found among the inputs",
                    g.display(),
                    gold.document
                );
            }
            continue;
        };
        let store = Store::memory()?;
        pipeline::build_from(
            &store,
            pipeline::select(std::slice::from_ref(&doc), item.as_deref()),
            &gaz,
            &pipeline::Options::default(),
            |event| {
                if let pipeline::Event::Skipped(p) = event {
                    eprintln!("zhengqi: skipped: {p}");
                    failed = true;
                }
            },
        )?;
        let report = eval::score(&store, &gold)?;
        let (e, r) = (report.entity_total(), report.relation_total());
        writeln!(
            out,
            "{:<28} entities P {:.3} R {:.3} F1 {:.3} | relations P {:.3} R {:.3} F1 {:.3}",
            gold.document,
            e.precision(),
            e.recall(),
            e.f1(),
            r.precision(),
            r.recall(),
            r.f1()
        )?;
        if verbose {
            for err in &report.errors {
                writeln!(out, "    {err}")?;
            }
        }
        total.merge(report);
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<16} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}",
        "", "tp", "fp", "fn", "P", "R", "F1"
    )?;
    for (name, c) in total.entities.iter().chain(total.relations.iter()) {
        writeln!(
            out,
            "{:<16} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
            name,
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1()
        )?;
    }
    let (e, r) = (total.entity_total(), total.relation_total());
    writeln!(
        out,
        "{:<16} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
        "ENTITIES",
        e.tp,
        e.fp,
        e.fn_,
        e.precision(),
        e.recall(),
        e.f1()
    )?;
    writeln!(
        out,
        "{:<16} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}",
        "RELATIONS",
        r.tp,
        r.fp,
        r.fn_,
        r.precision(),
        r.recall(),
        r.f1()
    )?;
    writeln!(out, "entity F1 {:.3}", e.f1())?;
    writeln!(out, "relation F1 {:.3}", r.f1())?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
