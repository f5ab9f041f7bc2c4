//! The realm: intrinsic objects, well-known symbols and the global object.
//!
//! All intrinsic prototypes are allocated first as empty objects (so every built-in can refer
//! to every other), then each `builtins::*::init` fills in its constructor and methods.

use crate::interp::{GlobalLex, Interp};
use crate::object::{Attrs, Obj, ObjectKind, PropKey};
use crate::string::JsStr;
use crate::value::{Sym, Value};

macro_rules! intrinsics {
    ($($name:ident),* $(,)?) => {
        /// The realm's intrinsic objects (`%Object.prototype%`, ...).
        pub struct Intrinsics {
            $(pub $name: Obj,)*
        }
    };
}

intrinsics!(
    object_prototype,
    function_prototype,
    array_prototype,
    string_prototype,
    number_prototype,
    bigint_prototype,
    boolean_prototype,
    symbol_prototype,
    error_prototype,
    type_error_prototype,
    range_error_prototype,
    reference_error_prototype,
    syntax_error_prototype,
    eval_error_prototype,
    uri_error_prototype,
    aggregate_error_prototype,
    suppressed_error_prototype,
    disposable_stack_prototype,
    async_disposable_stack_prototype,
    iterator_prototype,
    iterator_helper_prototype,
    wrap_for_valid_iterator_prototype,
    async_iterator_prototype,
    array_iterator_prototype,
    map_iterator_prototype,
    set_iterator_prototype,
    string_iterator_prototype,
    generator_prototype,
    generator_function_prototype,
    async_function_prototype,
    async_generator_prototype,
    async_generator_function_prototype,
    async_from_sync_iterator_prototype,
    promise_prototype,
    map_prototype,
    set_prototype,
    weakmap_prototype,
    weakset_prototype,
    weak_ref_prototype,
    finalization_registry_prototype,
    date_prototype,
    regexp_prototype,
    array_buffer_prototype,
    shared_array_buffer_prototype,
    data_view_prototype,
    typed_array_prototype,
    int8_array_prototype,
    uint8_array_prototype,
    uint8_clamped_array_prototype,
    int16_array_prototype,
    uint16_array_prototype,
    int32_array_prototype,
    uint32_array_prototype,
    big_int64_array_prototype,
    big_uint64_array_prototype,
    float16_array_prototype,
    float32_array_prototype,
    float64_array_prototype,
    // Functions other built-ins need to reach.
    throw_type_error,
    array_proto_values,
    object_proto_to_string,
    error_proto_to_string,
    error_stack_get,
    error_stack_set,
    error_ctor,
    error_prepare_stack_trace,
    call_site_prototype,
    object_ctor,
    function_ctor,
    array_ctor,
    promise_ctor,
    promise_then,
    promise_species_get,
    typed_array_length_get,
    string_char_code_at,
    math,
    iterator_ctor,
    eval_fn,
    array_buffer_ctor,
    shared_array_buffer_ctor,
    typed_array_ctor,
    int8_array_ctor,
    uint8_array_ctor,
    uint8_clamped_array_ctor,
    int16_array_ctor,
    uint16_array_ctor,
    int32_array_ctor,
    uint32_array_ctor,
    big_int64_array_ctor,
    big_uint64_array_ctor,
    float16_array_ctor,
    float32_array_ctor,
    float64_array_ctor,
);

/// The well-known symbols (`Symbol.iterator`, ...).
pub struct WellKnownSymbols {
    pub async_iterator: Sym,
    pub has_instance: Sym,
    pub is_concat_spreadable: Sym,
    pub iterator: Sym,
    pub match_: Sym,
    pub match_all: Sym,
    pub replace: Sym,
    pub search: Sym,
    pub species: Sym,
    pub split: Sym,
    pub to_primitive: Sym,
    pub to_string_tag: Sym,
    pub unscopables: Sym,
    /// Explicit resource management's `Symbol.dispose` and `Symbol.asyncDispose`.
    pub dispose: Sym,
    pub async_dispose: Sym,
}

impl WellKnownSymbols {
    fn new() -> Self {
        let s = |n: &str| Sym::new(Some(JsStr::intern(&["Symbol.", n].concat())));
        WellKnownSymbols {
            async_iterator: s("asyncIterator"),
            has_instance: s("hasInstance"),
            is_concat_spreadable: s("isConcatSpreadable"),
            iterator: s("iterator"),
            match_: s("match"),
            match_all: s("matchAll"),
            replace: s("replace"),
            search: s("search"),
            species: s("species"),
            split: s("split"),
            to_primitive: s("toPrimitive"),
            to_string_tag: s("toStringTag"),
            unscopables: s("unscopables"),
            dispose: s("dispose"),
            async_dispose: s("asyncDispose"),
        }
    }

    /// (name, symbol) pairs for defining `Symbol.iterator` etc.
    pub fn all(&self) -> Vec<(&'static str, Sym)> {
        vec![
            ("asyncIterator", self.async_iterator.clone()),
            ("hasInstance", self.has_instance.clone()),
            ("isConcatSpreadable", self.is_concat_spreadable.clone()),
            ("iterator", self.iterator.clone()),
            ("match", self.match_.clone()),
            ("matchAll", self.match_all.clone()),
            ("replace", self.replace.clone()),
            ("search", self.search.clone()),
            ("species", self.species.clone()),
            ("split", self.split.clone()),
            ("toPrimitive", self.to_primitive.clone()),
            ("toStringTag", self.to_string_tag.clone()),
            ("unscopables", self.unscopables.clone()),
            ("dispose", self.dispose.clone()),
            ("asyncDispose", self.async_dispose.clone()),
        ]
    }
}

/// Creates a fresh realm with every built-in installed.
pub fn create(
    hooks: std::rc::Rc<dyn crate::host::HostHooks>,
    host_data: Option<Box<dyn std::any::Any>>,
) -> Interp {
    // The realm's objects are one of a kind: no shared shapes for them.
    let _one_of_a_kind = crate::object::SharedShapesOff::new();
    let object_prototype = Obj::new(None, ObjectKind::Ordinary);
    let op = || Some(object_prototype.clone());
    let ord = |p: Option<Obj>| Obj::new(p, ObjectKind::Ordinary);
    let function_prototype = Obj::new(
        op(),
        ObjectKind::Native(Box::new(crate::interp::function::NativeFunction {
            f: |_, _| Ok(Value::Undefined),
            ctor: false,
            captures: Vec::new(),
            name: JsStr::empty(),
            frameless: false,
            pure_for_numbers: false,
        })),
    );
    let fp = || Some(function_prototype.clone());
    let error_prototype = ord(op());
    let ep = || Some(error_prototype.clone());
    let iterator_prototype = ord(op());
    let ip = || Some(iterator_prototype.clone());
    let async_iterator_prototype = ord(op());
    let generator_prototype = ord(ip());
    let async_generator_prototype = ord(Some(async_iterator_prototype.clone()));
    let placeholder_fn = || ord(fp());
    let typed_array_prototype = ord(op());
    let intrinsics = Intrinsics {
        function_prototype: function_prototype.clone(),
        array_prototype: Obj::new(
            op(),
            ObjectKind::Array {
                length: 0,
                length_writable: true,
            },
        ),
        string_prototype: Obj::new(op(), ObjectKind::String(JsStr::empty())),
        number_prototype: Obj::new(op(), ObjectKind::Number(0.0)),
        bigint_prototype: ord(op()),
        boolean_prototype: Obj::new(op(), ObjectKind::Boolean(false)),
        symbol_prototype: ord(op()),
        type_error_prototype: ord(ep()),
        range_error_prototype: ord(ep()),
        reference_error_prototype: ord(ep()),
        syntax_error_prototype: ord(ep()),
        eval_error_prototype: ord(ep()),
        uri_error_prototype: ord(ep()),
        aggregate_error_prototype: ord(ep()),
        suppressed_error_prototype: ord(ep()),
        disposable_stack_prototype: ord(op()),
        async_disposable_stack_prototype: ord(op()),
        error_prototype: error_prototype.clone(),
        iterator_helper_prototype: ord(ip()),
        wrap_for_valid_iterator_prototype: ord(ip()),
        array_iterator_prototype: ord(ip()),
        map_iterator_prototype: ord(ip()),
        set_iterator_prototype: ord(ip()),
        string_iterator_prototype: ord(ip()),
        generator_function_prototype: ord(fp()),
        async_function_prototype: ord(fp()),
        async_generator_function_prototype: ord(fp()),
        async_from_sync_iterator_prototype: ord(Some(async_iterator_prototype.clone())),
        generator_prototype,
        async_generator_prototype,
        iterator_prototype,
        async_iterator_prototype,
        promise_prototype: ord(op()),
        map_prototype: ord(op()),
        set_prototype: ord(op()),
        weakmap_prototype: ord(op()),
        weakset_prototype: ord(op()),
        weak_ref_prototype: ord(op()),
        finalization_registry_prototype: ord(op()),
        date_prototype: ord(op()),
        regexp_prototype: ord(op()),
        array_buffer_prototype: ord(op()),
        shared_array_buffer_prototype: ord(op()),
        data_view_prototype: ord(op()),
        int8_array_prototype: ord(Some(typed_array_prototype.clone())),
        uint8_array_prototype: ord(Some(typed_array_prototype.clone())),
        uint8_clamped_array_prototype: ord(Some(typed_array_prototype.clone())),
        int16_array_prototype: ord(Some(typed_array_prototype.clone())),
        uint16_array_prototype: ord(Some(typed_array_prototype.clone())),
        int32_array_prototype: ord(Some(typed_array_prototype.clone())),
        uint32_array_prototype: ord(Some(typed_array_prototype.clone())),
        big_int64_array_prototype: ord(Some(typed_array_prototype.clone())),
        big_uint64_array_prototype: ord(Some(typed_array_prototype.clone())),
        float16_array_prototype: ord(Some(typed_array_prototype.clone())),
        float32_array_prototype: ord(Some(typed_array_prototype.clone())),
        float64_array_prototype: ord(Some(typed_array_prototype.clone())),
        typed_array_prototype,
        array_buffer_ctor: placeholder_fn(),
        shared_array_buffer_ctor: placeholder_fn(),
        typed_array_ctor: placeholder_fn(),
        int8_array_ctor: placeholder_fn(),
        uint8_array_ctor: placeholder_fn(),
        uint8_clamped_array_ctor: placeholder_fn(),
        int16_array_ctor: placeholder_fn(),
        uint16_array_ctor: placeholder_fn(),
        int32_array_ctor: placeholder_fn(),
        uint32_array_ctor: placeholder_fn(),
        big_int64_array_ctor: placeholder_fn(),
        big_uint64_array_ctor: placeholder_fn(),
        float16_array_ctor: placeholder_fn(),
        float32_array_ctor: placeholder_fn(),
        float64_array_ctor: placeholder_fn(),
        throw_type_error: placeholder_fn(),
        array_proto_values: placeholder_fn(),
        object_proto_to_string: placeholder_fn(),
        error_proto_to_string: placeholder_fn(),
        error_stack_get: placeholder_fn(),
        error_ctor: placeholder_fn(),
        error_prepare_stack_trace: placeholder_fn(),
        call_site_prototype: ord(op()),
        error_stack_set: placeholder_fn(),
        object_ctor: placeholder_fn(),
        function_ctor: placeholder_fn(),
        array_ctor: placeholder_fn(),
        promise_ctor: placeholder_fn(),
        promise_then: placeholder_fn(),
        promise_species_get: placeholder_fn(),
        typed_array_length_get: placeholder_fn(),
        string_char_code_at: placeholder_fn(),
        math: ord(op()),
        iterator_ctor: placeholder_fn(),
        eval_fn: placeholder_fn(),
        object_prototype,
    };
    let global = Obj::new(
        Some(intrinsics.object_prototype.clone()),
        ObjectKind::Ordinary,
    );
    let symbols = WellKnownSymbols::new();
    let mut it = Interp {
        intrinsics,
        promise_lookup: crate::builtins::promise::PromiseLookup::new(&symbols),
        lazy_methods: std::cell::RefCell::new(Vec::with_capacity(1024)),
        iter_result_layout: crate::object::Layout::new(&[
            (PropKey::from("value"), Attrs::DEFAULT),
            (PropKey::from("done"), Attrs::DEFAULT),
        ]),
        match_result_layout: crate::object::Layout::new(&[
            (static_key!("index"), Attrs::DEFAULT),
            (static_key!("input"), Attrs::DEFAULT),
            (static_key!("groups"), Attrs::DEFAULT),
        ]),
        arguments_layouts: std::cell::OnceCell::new(),
        regexp_layout: crate::object::Layout::new(&[(
            static_key!("lastIndex"),
            Attrs::new(true, false, false),
        )]),
        symbols,
        global,
        global_lex: GlobalLex::default(),
        frames: Vec::new(),
        resume: None,
        yielded: Value::Undefined,
        delegated_result: None,
        last_error_pos: None,
        top_level_await_pos: None,
        jobs: Default::default(),
        suspend_kind: crate::interp::generator::SuspendKind::Yield,
        current_async_gen: None,
        call_depth: 0,
        prop_sites: Default::default(),
        literal_layouts: Default::default(),
        prototype_hint: std::cell::Cell::new(0),
        param_envs: Vec::new(),
        stack: Vec::new(),
        sources: Vec::new(),
        symbol_registry: Default::default(),
        template_cache: Default::default(),
        module_like: false,
        modules: Vec::new(),
        source_modules: Default::default(),
        async_evaluation_count: 1,
        exiting: None,
        hooks,
        host_data,
        native_closures: Vec::new(),
        error_stack_symbol: Sym::new_private(JsStr::from("error_stack_symbol"), None),
        raw_json_symbol: Sym::new_private(JsStr::from("raw_json_symbol"), None),
        interrupt: Default::default(),
        terminate_code: Default::default(),
        max_call_depth: crate::interp::MAX_CALL_DEPTH,
        side_effect_guard: None,
        called_as: None,
        async_resumed: None,
        reaction_promise: None,
        continuation_data: Value::Undefined,
        last_suspend_pos: None,
        kept_objects: Vec::new(),
        finalization_registries: Vec::new(),
        finalization_seen_collections: 0,
        time_zone: Default::default(),
        original_next: Default::default(),
        array_iteration_guard: None,
        regexp_legacy: Default::default(),
        regexp_originals: None,
        env_pool: Default::default(),
    };
    crate::builtins::init_all(&mut it);
    it
}
