//! What one file refers to: every path in its `use` declarations, code, types, patterns and
//! macro arguments that resolves to an item defined in another file of the crate.

use crate::tree::{use_leaves, Crate, Def, FileId, Guard, Kind, ModId, UseLeaf, Want};
use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use std::collections::HashSet;
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};

/// A reference from a file to an item defined in another file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub to: FileId,
    /// The name used (the item, or the module for `use x::{self}`).
    pub name: String,
}

/// The references of file `file` of `krate` to its other files, in the order they are written.
pub fn references(krate: &Crate, file: FileId) -> Vec<Reference> {
    let Some(ast) = &krate.files[file].ast else {
        return Vec::new();
    };
    let mut refs =
        Refs { krate, file, module: krate.files[file].module, frames: Vec::new(), out: Vec::new() };
    for item in &ast.items {
        refs.visit_item(item);
    }
    refs.out
}

/// Names bound in a block, closure, arm or signature, innermost last.
#[derive(Default)]
struct Frame {
    /// Local variables and const generic parameters: values, never items.
    locals: HashSet<String>,
    /// Type parameters: never items.
    types: HashSet<String>,
    /// Items declared inside the block: defined in this file.
    items: HashSet<String>,
    /// `use` declarations inside the block.
    uses: Vec<UseLeaf>,
}

/// What the first segment of a path is.
enum First {
    /// A local variable, generic parameter or block item: no reference to another file.
    Local,
    Defs(Vec<Def>),
}

struct Refs<'a> {
    krate: &'a Crate,
    file: FileId,
    module: ModId,
    frames: Vec<Frame>,
    out: Vec<Reference>,
}

impl Refs<'_> {
    fn found(&mut self, def: &Def, name: &str) {
        if def.file != self.file {
            self.out.push(Reference { to: def.file, name: name.to_string() });
        }
    }

    /// `value`: the name stands alone where a value is expected, so a local variable may be it.
    fn first(&self, name: &str, value: bool, guard: &mut Guard) -> First {
        for frame in self.frames.iter().rev() {
            let local = value && frame.locals.contains(name);
            if local || frame.types.contains(name) || frame.items.contains(name) {
                return First::Local;
            }
            let mut defs = Vec::new();
            for leaf in &frame.uses {
                if let UseLeaf::Name { name: n, path } = leaf {
                    if n == name {
                        defs.extend(self.krate.resolve_all(self.module, path, guard));
                    }
                }
            }
            if defs.is_empty() {
                for leaf in &frame.uses {
                    if let UseLeaf::Glob { path } = leaf {
                        defs.extend(self.krate.glob_lookup(self.module, path, name, guard));
                    }
                }
            }
            if !defs.is_empty() {
                return First::Defs(defs);
            }
        }
        First::Defs(self.krate.start(self.module, name, guard))
    }

    /// Resolves a path written in code (or a macro's tokens) and records what it reaches.
    /// `value`: the path is an expression, where a one-segment path may be a local variable
    /// (a longer one never is).
    fn reference(&mut self, segs: &[String], want: Want, value: bool) {
        let Some(first) = segs.first() else { return };
        if segs.len() == 1 && first == "self" {
            return;
        }
        let guard = &mut Vec::new();
        let value = value && segs.len() == 1;
        let First::Defs(mut cands) = self.first(first, value, guard) else { return };
        if want == Want::Macro && segs.len() == 1 && !cands.iter().any(|d| d.kind == Kind::Macro) {
            // `macro_rules!` scope is textual: a macro of an enclosing module is visible.
            let mut m = self.krate.mods[self.module].parent;
            while let Some(p) = m {
                if let Some(defs) = self.krate.mods[p].items.get(first.as_str()) {
                    cands.extend(defs.iter().filter(|d| d.kind == Kind::Macro).cloned());
                }
                m = self.krate.mods[p].parent;
            }
        }
        if cands.is_empty() {
            return;
        }
        if let Some((def, used)) = self.krate.walk(cands, segs, want, guard) {
            self.found(&def, &segs[used - 1]);
        }
    }

    fn path(&mut self, path: &syn::Path, want: Want, value: bool) {
        if path.leading_colon.is_none() {
            let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            self.reference(&segs, want, value);
        }
    }

    /// A path in an expression (`value`) or a type. With a qualified self (`<T as Trait>::f`),
    /// only the trait part is a path.
    fn qualified(&mut self, qself: Option<&syn::QSelf>, path: &syn::Path, value: bool) {
        match qself {
            None => {
                self.path(path, Want::Any, value);
                visit::visit_path(self, path);
            }
            Some(q) => {
                self.visit_type(&q.ty);
                if q.position > 0 && path.leading_colon.is_none() {
                    let segs: Vec<String> = path
                        .segments
                        .iter()
                        .take(q.position)
                        .map(|s| s.ident.to_string())
                        .collect();
                    self.reference(&segs, Want::Any, false);
                }
                for seg in &path.segments {
                    self.visit_path_arguments(&seg.arguments);
                }
            }
        }
    }

    fn bind(&mut self, pat: &syn::Pat) {
        let mut names = HashSet::new();
        bindings(pat, &mut names);
        if self.frames.is_empty() {
            self.frames.push(Frame::default());
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.locals.extend(names);
        }
    }

    fn with_frame(&mut self, frame: Frame, f: impl FnOnce(&mut Self)) {
        self.frames.push(frame);
        f(self);
        self.frames.pop();
    }

    fn signature(&mut self, sig: &syn::Signature, body: Option<&syn::Block>) {
        self.with_frame(generics_frame(&sig.generics), |this| {
            this.visit_generics(&sig.generics);
            for input in &sig.inputs {
                if let syn::FnArg::Typed(pt) = input {
                    this.visit_type(&pt.ty);
                    this.visit_pat(&pt.pat);
                }
            }
            for input in &sig.inputs {
                if let syn::FnArg::Typed(pt) = input {
                    this.bind(&pt.pat);
                }
            }
            this.visit_return_type(&sig.output);
            if let Some(body) = body {
                this.visit_block(body);
            }
        });
    }

    /// The paths in a macro's tokens: parsed as expressions when they are (`format!`,
    /// `assert_eq!`, `vec!`), else scanned (`html!`).
    fn tokens(&mut self, tokens: &TokenStream) {
        let parser = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        match syn::parse::Parser::parse2(parser, tokens.clone()) {
            Ok(exprs) => {
                for expr in &exprs {
                    self.visit_expr(expr);
                }
            }
            Err(_) => self.scan(tokens.clone()),
        }
    }

    /// Looks through tokens that are not Rust syntax for paths: `a::b` and `crate::x` always,
    /// a single name when it starts with a capital (`<Fields />`) or is called (`render(x)`),
    /// but not after `.` (a method or field), nor before `=` or `:` (an attribute or field
    /// name), nor when it is a local variable.
    fn scan(&mut self, tokens: TokenStream) {
        let toks: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < toks.len() {
            let ident = match &toks[i] {
                TokenTree::Group(g) => {
                    self.scan(g.stream());
                    i += 1;
                    continue;
                }
                TokenTree::Ident(ident) => ident.to_string(),
                _ => {
                    i += 1;
                    continue;
                }
            };
            let after_dollar = i > 0 && is_punct(&toks[i - 1], '$');
            let after_dot = i > 0 && is_punct(&toks[i - 1], '.');
            let after_colons = i > 1 && is_colons(&toks, i - 2);
            let mut segs = vec![ident];
            let mut j = i + 1;
            while is_colons(&toks, j) {
                match toks.get(j + 2) {
                    Some(TokenTree::Ident(next)) => {
                        segs.push(next.to_string());
                        j += 3;
                    }
                    _ => break,
                }
            }
            i = j;
            if after_dot || after_colons || (after_dollar && segs[0] != "crate") {
                continue;
            }
            if segs.len() > 1 {
                self.reference(&segs, Want::Any, false);
                continue;
            }
            let name = &segs[0];
            if KEYWORDS.contains(&name.as_str()) {
                continue;
            }
            let next = toks.get(j);
            let before_eq = next.is_some_and(|t| is_punct(t, '='))
                && !toks.get(j + 1).is_some_and(|t| is_punct(t, '=') || is_punct(t, '>'));
            let before_colon = next.is_some_and(|t| is_punct(t, ':')) && !is_colons(&toks, j);
            let called = matches!(next, Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis);
            if next.is_some_and(|t| is_punct(t, '!')) {
                self.reference(&segs, Want::Macro, false);
            } else if before_eq || before_colon {
                continue;
            } else if name.starts_with(|c: char| c.is_ascii_uppercase()) || called {
                self.reference(&segs, Want::Any, true);
            }
        }
    }
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while",
];

fn is_punct(tok: &TokenTree, ch: char) -> bool {
    matches!(tok, TokenTree::Punct(p) if p.as_char() == ch)
}

/// True when `toks[i]` and `toks[i + 1]` make a `::`.
fn is_colons(toks: &[TokenTree], i: usize) -> bool {
    matches!(&toks.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Joint)
        && toks.get(i + 1).is_some_and(|t| is_punct(t, ':'))
}

/// The names a pattern binds.
fn bindings(pat: &syn::Pat, out: &mut HashSet<String>) {
    match pat {
        syn::Pat::Ident(p) => {
            out.insert(p.ident.to_string());
            if let Some((_, sub)) = &p.subpat {
                bindings(sub, out);
            }
        }
        syn::Pat::Or(p) => p.cases.iter().for_each(|c| bindings(c, out)),
        syn::Pat::Paren(p) => bindings(&p.pat, out),
        syn::Pat::Reference(p) => bindings(&p.pat, out),
        syn::Pat::Slice(p) => p.elems.iter().for_each(|e| bindings(e, out)),
        syn::Pat::Struct(p) => p.fields.iter().for_each(|f| bindings(&f.pat, out)),
        syn::Pat::Tuple(p) => p.elems.iter().for_each(|e| bindings(e, out)),
        syn::Pat::TupleStruct(p) => p.elems.iter().for_each(|e| bindings(e, out)),
        syn::Pat::Type(p) => bindings(&p.pat, out),
        _ => {}
    }
}

fn generics_frame(generics: &syn::Generics) -> Frame {
    let mut frame = Frame::default();
    for param in &generics.params {
        match param {
            syn::GenericParam::Type(t) => frame.types.insert(t.ident.to_string()),
            syn::GenericParam::Const(c) => frame.locals.insert(c.ident.to_string()),
            syn::GenericParam::Lifetime(_) => false,
        };
    }
    frame
}

fn item_generics(item: &syn::Item) -> Option<&syn::Generics> {
    match item {
        syn::Item::Enum(i) => Some(&i.generics),
        syn::Item::Impl(i) => Some(&i.generics),
        syn::Item::Struct(i) => Some(&i.generics),
        syn::Item::Trait(i) => Some(&i.generics),
        syn::Item::TraitAlias(i) => Some(&i.generics),
        syn::Item::Type(i) => Some(&i.generics),
        syn::Item::Union(i) => Some(&i.generics),
        _ => None,
    }
}

fn item_name(item: &syn::Item) -> Option<&syn::Ident> {
    match item {
        syn::Item::Const(i) => Some(&i.ident),
        syn::Item::Enum(i) => Some(&i.ident),
        syn::Item::Fn(i) => Some(&i.sig.ident),
        syn::Item::Macro(i) => i.ident.as_ref(),
        syn::Item::Mod(i) => Some(&i.ident),
        syn::Item::Static(i) => Some(&i.ident),
        syn::Item::Struct(i) => Some(&i.ident),
        syn::Item::Trait(i) => Some(&i.ident),
        syn::Item::TraitAlias(i) => Some(&i.ident),
        syn::Item::Type(i) => Some(&i.ident),
        syn::Item::Union(i) => Some(&i.ident),
        _ => None,
    }
}

impl<'ast> Visit<'ast> for Refs<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        match item_generics(item) {
            Some(generics) => {
                self.with_frame(generics_frame(generics), |this| visit::visit_item(this, item))
            }
            None => visit::visit_item(self, item),
        }
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        // `mod x;` is no reference; an inline module is visited as the module it is.
        let Some((_, items)) = &item.content else { return };
        if !self.frames.is_empty() {
            return; // a module inside a function: not in the tree
        }
        let name = item.ident.to_string();
        let child = self.krate.mods[self.module].items.get(&name).and_then(|defs| {
            defs.iter().find_map(|d| match d.kind {
                Kind::Mod(c) if self.krate.mods[c].file == self.file => Some(c),
                _ => None,
            })
        });
        let Some(child) = child else { return };
        let outer = std::mem::replace(&mut self.module, child);
        for item in items {
            self.visit_item(item);
        }
        self.module = outer;
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        // `pub use` re-exports are no reference of their own; a glob refers to nothing until a
        // name is used through it.
        if !matches!(item.vis, syn::Visibility::Inherited) || item.leading_colon.is_some() {
            return;
        }
        let mut leaves = Vec::new();
        use_leaves(&item.tree, &mut Vec::new(), &mut leaves);
        for leaf in leaves {
            if let UseLeaf::Name { path, .. } = leaf {
                let guard = &mut Vec::new();
                let defs = self.krate.resolve_all(self.module, &path, guard);
                let def = defs
                    .iter()
                    .find(|d| !matches!(d.kind, Kind::Mod(_) | Kind::Macro))
                    .or_else(|| defs.first());
                if let (Some(def), Some(name)) = (def, path.last()) {
                    self.found(&def.clone(), name);
                }
            }
        }
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.signature(&item.sig, Some(&item.block));
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        self.signature(&item.sig, Some(&item.block));
    }

    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        self.signature(&item.sig, item.default.as_ref());
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        let mut frame = Frame::default();
        for stmt in &block.stmts {
            if let syn::Stmt::Item(item) = stmt {
                if let syn::Item::Use(u) = item {
                    if u.leading_colon.is_none() {
                        use_leaves(&u.tree, &mut Vec::new(), &mut frame.uses);
                    }
                } else if let Some(name) = item_name(item) {
                    frame.items.insert(name.to_string());
                }
            }
        }
        self.with_frame(frame, |this| visit::visit_block(this, block));
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let Some(init) = &local.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
        }
        self.visit_pat(&local.pat);
        self.bind(&local.pat);
    }

    fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
        self.with_frame(Frame::default(), |this| {
            for input in &closure.inputs {
                this.visit_pat(input);
            }
            for input in &closure.inputs {
                this.bind(input);
            }
            this.visit_return_type(&closure.output);
            this.visit_expr(&closure.body);
        });
    }

    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        self.with_frame(Frame::default(), |this| {
            this.visit_pat(&arm.pat);
            this.bind(&arm.pat);
            if let Some((_, guard)) = &arm.guard {
                this.visit_expr(guard);
            }
            this.visit_expr(&arm.body);
        });
    }

    fn visit_expr_for_loop(&mut self, expr: &'ast syn::ExprForLoop) {
        self.visit_expr(&expr.expr);
        self.with_frame(Frame::default(), |this| {
            this.visit_pat(&expr.pat);
            this.bind(&expr.pat);
            this.visit_block(&expr.body);
        });
    }

    fn visit_expr_if(&mut self, expr: &'ast syn::ExprIf) {
        self.with_frame(Frame::default(), |this| {
            this.visit_expr(&expr.cond);
            this.visit_block(&expr.then_branch);
        });
        if let Some((_, else_branch)) = &expr.else_branch {
            self.visit_expr(else_branch);
        }
    }

    fn visit_expr_while(&mut self, expr: &'ast syn::ExprWhile) {
        self.with_frame(Frame::default(), |this| {
            this.visit_expr(&expr.cond);
            this.visit_block(&expr.body);
        });
    }

    fn visit_expr_let(&mut self, expr: &'ast syn::ExprLet) {
        self.visit_expr(&expr.expr);
        self.visit_pat(&expr.pat);
        self.bind(&expr.pat);
    }

    fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
        // A capitalised name alone in a pattern is a constant or unit struct, not a binding.
        let name = pat.ident.to_string();
        if pat.subpat.is_none()
            && pat.by_ref.is_none()
            && pat.mutability.is_none()
            && name.starts_with(|c: char| c.is_ascii_uppercase())
        {
            self.reference(&[name], Want::Any, true);
        }
        if let Some((_, sub)) = &pat.subpat {
            self.visit_pat(sub);
        }
    }

    fn visit_expr_path(&mut self, expr: &'ast syn::ExprPath) {
        self.qualified(expr.qself.as_ref(), &expr.path, true);
    }

    fn visit_type_path(&mut self, ty: &'ast syn::TypePath) {
        self.qualified(ty.qself.as_ref(), &ty.path, false);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.path(path, Want::Any, false);
        visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.path(&mac.path, Want::Macro, false);
        for seg in &mac.path.segments {
            self.visit_path_arguments(&seg.arguments);
        }
        self.tokens(&mac.tokens);
    }

    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}

    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}
}
