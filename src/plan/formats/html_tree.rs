//! The page tree html5ever builds, in an arena (ego-tree): html5ever parses as browsers do
//! (broken markup, misnested tags, implied elements) and calls this sink to build the tree.
//! Only what the reader needs is kept: elements with their attributes, and text. The arena
//! is walked iteratively and dropped without recursion, so a deep page cannot overflow the
//! stack.

use ego_tree::{NodeId, Tree};
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

#[derive(Debug, Clone)]
pub enum HNode {
    Document,
    /// A `<template>`'s contents: never rendered.
    Fragment,
    Element {
        name: QualName,
        attrs: Vec<(String, String)>,
    },
    Text(String),
    /// Comments, processing instructions, doctypes.
    Other,
}

impl HNode {
    /// The element's local name, lower case; `None` for other nodes.
    pub fn tag(&self) -> Option<&str> {
        match self {
            HNode::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            HNode::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

pub struct Dom {
    pub tree: Tree<HNode>,
    /// Answers `elem_name` for a node that is not an element (html5ever never asks).
    placeholder: QualName,
}

pub struct Sink(RefCell<Dom>);

impl Sink {
    pub fn new() -> Sink {
        Sink(RefCell::new(Dom {
            tree: Tree::new(HNode::Document),
            placeholder: QualName::new(None, html5ever::ns!(html), html5ever::local_name!("div")),
        }))
    }
}

fn attrs(list: Vec<Attribute>) -> Vec<(String, String)> {
    list.into_iter()
        .map(|a| (a.name.local.to_string(), a.value.to_string()))
        .collect()
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Tree<HNode>;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree<HNode> {
        self.0.into_inner().tree
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.0.borrow().tree.root().id()
    }

    fn elem_name<'a>(&'a self, target: &NodeId) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |dom| {
            match dom.tree.get(*target).map(|n| n.value()) {
                Some(HNode::Element { name, .. }) => name,
                _ => &dom.placeholder,
            }
        })
    }

    fn create_element(&self, name: QualName, list: Vec<Attribute>, _flags: ElementFlags) -> NodeId {
        let template = &*name.local == "template";
        let mut dom = self.0.borrow_mut();
        let mut node = dom.tree.orphan(HNode::Element {
            name,
            attrs: attrs(list),
        });
        if template {
            node.append(HNode::Fragment);
        }
        node.id()
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.0.borrow_mut().tree.orphan(HNode::Other).id()
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.0.borrow_mut().tree.orphan(HNode::Other).id()
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        let Some(mut parent) = dom.tree.get_mut(*parent) else {
            return;
        };
        match child {
            NodeOrText::AppendNode(id) => {
                parent.append_id(id);
            }
            NodeOrText::AppendText(text) => {
                if let Some(mut last) = parent.last_child()
                    && let HNode::Text(t) = last.value()
                {
                    t.push_str(&text);
                    return;
                }
                parent.append(HNode::Text(text.to_string()));
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .0
            .borrow()
            .tree
            .get(*element)
            .is_some_and(|n| n.parent().is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public: StrTendril,
        _system: StrTendril,
    ) {
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let dom = self.0.borrow();
        dom.tree
            .get(*target)
            .and_then(|n| n.first_child())
            .map_or(*target, |c| c.id())
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        let Some(mut sibling) = dom.tree.get_mut(*sibling) else {
            return;
        };
        match new_node {
            NodeOrText::AppendNode(id) => {
                sibling.insert_id_before(id);
            }
            NodeOrText::AppendText(text) => {
                if let Some(mut prev) = sibling.prev_sibling()
                    && let HNode::Text(t) = prev.value()
                {
                    t.push_str(&text);
                    return;
                }
                sibling.insert_before(HNode::Text(text.to_string()));
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, list: Vec<Attribute>) {
        let mut dom = self.0.borrow_mut();
        if let Some(mut node) = dom.tree.get_mut(*target)
            && let HNode::Element { attrs: have, .. } = node.value()
        {
            for (k, v) in attrs(list) {
                if !have.iter().any(|(h, _)| *h == k) {
                    have.push((k, v));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        if let Some(mut node) = self.0.borrow_mut().tree.get_mut(*target) {
            node.detach();
        }
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        if let Some(mut parent) = self.0.borrow_mut().tree.get_mut(*new_parent) {
            parent.reparent_from_id_append(*node);
        }
    }
}
