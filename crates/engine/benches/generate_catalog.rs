//! A deterministic generator of a large zh + en service catalog: procedures named the way
//! government service lists name them (object + action + who for), with departments,
//! categories, life events, keywords, synonyms and summaries. Used by the search benchmarks
//! (criterion here, and the wasm-vs-MiniSearch comparison through `crates/search-bench`) and by
//! the relevance test, so every one of them sees the same corpus.
#![allow(dead_code)] // each user takes a part

use serde_json::{json, Value};

#[path = "rng.rs"]
mod rng;
use rng::Rng;

/// (zh, en, zh alias, en alias, pinyin of the zh name with spaces between syllables)
pub const OBJECTS: &[(&str, &str, &str, &str, &str)] = &[
    ("营业执照", "business licence", "执照", "trading licence", "ying ye zhi zhao"),
    ("居民身份证", "resident identity card", "身份证", "ID card", "ju min shen fen zheng"),
    ("护照", "passport", "", "", "hu zhao"),
    ("驾驶证", "driving licence", "驾照", "driver's license", "jia shi zheng"),
    ("机动车行驶证", "vehicle registration certificate", "行驶证", "logbook", ""),
    ("户口", "household registration", "户籍", "hukou", "hu kou"),
    ("居住证", "residence permit", "暂住证", "temporary residence permit", "ju zhu zheng"),
    ("社会保障卡", "social security card", "社保卡", "", "she hui bao zhang ka"),
    ("医疗保险", "medical insurance", "医保", "health insurance", "yi liao bao xian"),
    ("养老保险", "pension insurance", "养老金", "pension", "yang lao bao xian"),
    ("失业保险", "unemployment insurance", "失业金", "jobseeker's allowance", ""),
    ("住房公积金", "housing provident fund", "公积金", "", "zhu fang gong ji jin"),
    ("不动产权证书", "property ownership certificate", "房产证", "title deed", ""),
    ("结婚证", "marriage certificate", "", "", "jie hun zheng"),
    ("出生医学证明", "birth medical certificate", "出生证", "", ""),
    ("残疾人证", "disability certificate", "", "", ""),
    ("食品经营许可证", "food business licence", "", "", ""),
    ("卫生许可证", "health permit", "", "", ""),
    ("建设工程规划许可证", "construction planning permit", "规划许可", "", ""),
    ("施工许可证", "building works permit", "", "", ""),
    ("排污许可证", "pollutant discharge permit", "", "", ""),
    ("道路运输证", "road transport permit", "", "", ""),
    ("港澳通行证", "Hong Kong and Macao travel permit", "通行证", "", "gang ao tong xing zheng"),
    ("签证", "visa", "", "", ""),
    ("工作许可", "work permit", "", "", ""),
    ("教师资格证", "teacher qualification certificate", "教资", "", ""),
    ("职业资格证书", "vocational qualification certificate", "", "", ""),
    ("学历证明", "academic record certificate", "", "", ""),
    ("税务登记", "tax registration", "", "", ""),
    ("发票", "invoice", "", "", "fa piao"),
    ("个人所得税", "individual income tax", "个税", "", ""),
    ("商标", "trademark", "", "", ""),
    ("专利", "patent", "", "", ""),
    ("烟草专卖零售许可证", "tobacco retail licence", "", "", ""),
    ("药品经营许可证", "drug trading licence", "", "", ""),
    ("医师执业证书", "physician practising certificate", "", "", ""),
    ("律师执业证", "lawyer practising certificate", "", "", ""),
    ("导游证", "tour guide card", "", "", ""),
    ("渔业捕捞许可证", "fishing licence", "", "", ""),
    ("林木采伐许可证", "tree felling permit", "", "", ""),
    ("取水许可证", "water abstraction permit", "", "", ""),
    ("消防安全检查", "fire safety inspection", "", "", ""),
    ("特种设备使用登记", "special equipment registration", "", "", ""),
    ("民办学校办学许可证", "private school licence", "", "", ""),
    ("社会团体登记", "social organisation registration", "", "", ""),
    ("慈善组织认定", "charity recognition", "", "", ""),
    ("退役军人优待证", "veterans' preferential card", "", "", ""),
    ("老年人优待证", "senior citizen card", "老年证", "", ""),
    ("最低生活保障", "minimum living allowance", "低保", "", "zui di sheng huo bao zhang"),
    ("临时救助", "temporary hardship assistance", "", "", ""),
    ("公共租赁住房", "public rental housing", "公租房", "council housing", ""),
    ("生育津贴", "maternity allowance", "生育保险", "", ""),
    ("工伤认定", "work injury recognition", "工伤", "", ""),
    ("劳动仲裁", "labour arbitration", "", "employment tribunal", ""),
    ("人事档案", "personnel file", "档案", "", ""),
    ("无犯罪记录证明", "certificate of no criminal record", "", "criminal record check", ""),
    ("机动车号牌", "vehicle number plate", "车牌", "", ""),
    ("考试报名", "exam registration", "", "", "kao shi bao ming"),
    ("狗证", "dog licence", "养犬登记", "", ""),
    ("广告发布登记", "advertising registration", "", "", ""),
];

/// (zh, en)
pub const ACTIONS: &[(&str, &str)] = &[
    ("申领", "Apply for"),
    ("补领", "Replace a lost"),
    ("换领", "Renew"),
    ("变更", "Change the details of"),
    ("注销", "Cancel"),
    ("查询", "Check"),
    ("延期", "Extend"),
    ("挂失", "Report a lost"),
    ("迁移", "Transfer"),
    ("备案", "File a record of"),
    ("年度检验", "Annual inspection of"),
    ("预约", "Book an appointment for"),
    ("证明开具", "Get proof of"),
    ("信息更正", "Correct the record of"),
    ("转移接续", "Move"),
    ("恢复", "Reinstate"),
];

/// (zh, en): who the procedure is for; the first is everyone.
pub const QUALIFIERS: &[(&str, &str)] = &[
    ("", ""),
    ("（个人）", " (individuals)"),
    ("（企业）", " (businesses)"),
    ("（港澳台居民）", " (Hong Kong, Macao and Taiwan residents)"),
    ("（外国人）", " (foreign nationals)"),
    ("（网上办理）", " (online)"),
];

pub const DEPARTMENTS: &[(&str, &str)] = &[
    ("市公安局", "City Public Security Bureau"),
    ("市场监督管理局", "Market Regulation Administration"),
    ("人力资源和社会保障局", "Human Resources and Social Security Bureau"),
    ("医疗保障局", "Healthcare Security Administration"),
    ("住房和城乡建设局", "Housing and Urban-Rural Development Bureau"),
    ("民政局", "Civil Affairs Bureau"),
    ("税务局", "Tax Bureau"),
    ("交通运输局", "Transport Bureau"),
    ("卫生健康委员会", "Health Commission"),
    ("教育局", "Education Bureau"),
    ("生态环境局", "Ecology and Environment Bureau"),
    ("自然资源局", "Natural Resources Bureau"),
    ("司法局", "Justice Bureau"),
    ("文化和旅游局", "Culture and Tourism Bureau"),
    ("退役军人事务局", "Veterans Affairs Bureau"),
    ("出入境管理局", "Exit and Entry Administration"),
    ("知识产权局", "Intellectual Property Office"),
    ("应急管理局", "Emergency Management Bureau"),
];

pub const CATEGORIES: &[(&str, &str, &str)] = &[
    ("identity", "户籍与身份", "Identity and household registration"),
    ("business", "企业开办与经营", "Starting and running a business"),
    ("social", "社会保障", "Social security"),
    ("housing", "住房", "Housing"),
    ("transport", "交通出行", "Transport and driving"),
    ("travel", "出入境", "Travel and immigration"),
    ("health", "医疗卫生", "Health"),
    ("education", "教育与资格", "Education and qualifications"),
    ("tax", "税收", "Tax"),
    ("environment", "资源环境", "Environment and natural resources"),
    ("welfare", "社会救助", "Welfare and assistance"),
    ("justice", "司法与权益", "Justice and rights"),
];

pub const LIFE_EVENTS: &[(&str, &str, &str)] = &[
    ("baby", "生孩子", "Having a baby"),
    ("moving", "搬家", "Moving house"),
    ("work", "就业与失业", "Starting or losing a job"),
    ("business", "开公司", "Starting a business"),
    ("retire", "退休", "Retiring"),
    ("marriage", "结婚", "Getting married"),
    ("study", "上学", "Going to school"),
    ("abroad", "出国", "Going abroad"),
];

const MATERIALS: &[(&str, &str)] = &[
    ("居民身份证原件", "your identity card"),
    ("申请表", "the application form"),
    ("近期免冠照片", "a recent photo"),
    ("营业执照复印件", "a copy of the business licence"),
    ("授权委托书", "a letter of authority"),
    ("原证件", "the old certificate"),
];

/// The category of an object (by its place in [`OBJECTS`]).
fn category_of(object: usize) -> usize {
    const MAP: [usize; 60] = [
        1, 0, 5, 4, 4, 0, 0, 2, 2, 2, 2, 3, 3, 0, 6, 10, 1, 6, 9, 3, 9, 4, 5, 5, 5, 7, 7, 7, 8, 8,
        8, 1, 1, 1, 6, 6, 11, 7, 9, 9, 9, 11, 1, 7, 11, 10, 10, 10, 10, 10, 3, 2, 2, 11, 0, 11, 4,
        7, 0, 1,
    ];
    MAP.get(object).copied().unwrap_or(0)
}

/// The `n`th procedure's object, action and qualifier: every combination once, in a fixed
/// shuffled order, so the first `n` of any size are a fair sample.
pub fn combination(n: usize) -> (usize, usize, usize) {
    let total = OBJECTS.len() * ACTIONS.len() * QUALIFIERS.len();
    // A multiplier coprime with the total walks every combination once.
    let k = (n * 7919 + 13) % total;
    (k % OBJECTS.len(), (k / OBJECTS.len()) % ACTIONS.len(), k / (OBJECTS.len() * ACTIONS.len()))
}

/// The `i`th service's id.
pub fn service_id(i: usize) -> String {
    format!("svc-{i:05}")
}

/// The English title of a combination.
pub fn title_en(object: usize, action: usize, qualifier: usize) -> String {
    format!("{} {}{}", ACTIONS[action].1, OBJECTS[object].1, QUALIFIERS[qualifier].1)
}

/// The Chinese title of a combination.
pub fn title_zh(object: usize, action: usize, qualifier: usize) -> String {
    format!("{}{}{}", OBJECTS[object].0, ACTIONS[action].0, QUALIFIERS[qualifier].0)
}

/// A catalog of `services` procedures (at most 5,760).
pub fn catalog(services: usize) -> Value {
    let mut rng = Rng(20_261_127);
    let named = |list: &[(&str, &str, &str)]| -> Vec<Value> {
        list.iter()
            .map(|(id, zh, en)| json!({"id": id, "title": {"zh-CN": zh, "en": en}}))
            .collect()
    };
    let mut out = Vec::new();
    for i in 0..services {
        let (o, a, q) = combination(i);
        let (obj_zh, obj_en, alias_zh, alias_en, _) = OBJECTS[o];
        let (dept_zh, dept_en) = DEPARTMENTS[o % DEPARTMENTS.len()];
        let (mat_zh, mat_en) = MATERIALS[rng.pick(MATERIALS.len())];
        let days = 1 + rng.pick(20);
        let who_zh = QUALIFIERS[q].0.trim_start_matches('（').trim_end_matches('）');
        let who_en = QUALIFIERS[q].1.trim().trim_start_matches('(').trim_end_matches(')');
        let mut keywords_zh = vec![obj_zh.to_string()];
        let mut keywords_en = vec![obj_en.to_string()];
        let mut synonyms = serde_json::Map::new();
        if !alias_zh.is_empty() {
            keywords_zh.push(alias_zh.to_string());
            synonyms.insert("zh-CN".into(), json!([format!("{alias_zh}{}", ACTIONS[a].0)]));
        }
        if !alias_en.is_empty() {
            keywords_en.push(alias_en.to_string());
            synonyms.insert(
                "en".into(),
                json!([format!("{} {alias_en}", ACTIONS[a].1.to_lowercase())]),
            );
        }
        let mut events: Vec<&str> = Vec::new();
        for _ in 0..rng.pick(3) {
            let e = LIFE_EVENTS[rng.pick(LIFE_EVENTS.len())].0;
            if !events.contains(&e) {
                events.push(e);
            }
        }
        out.push(json!({
            "id": service_id(i),
            "title": {"zh-CN": title_zh(o, a, q), "en": title_en(o, a, q)},
            "summary": {
                "zh-CN": format!("{}{}{}的事项。请携带{mat_zh}到{dept_zh}窗口或通过网上办事大厅办理，承诺{days}个工作日内办结。",
                    if who_zh.is_empty() { "申请人" } else { who_zh }, ACTIONS[a].0, obj_zh),
                "en": format!("For {} who need to {} {obj_en}. Bring {mat_en} to the {dept_en} counter or apply online; done within {days} working days.",
                    if who_en.is_empty() { "anyone" } else { who_en }, ACTIONS[a].1.to_lowercase()),
            },
            "department": {"zh-CN": dept_zh, "en": dept_en},
            "category": CATEGORIES[category_of(o)].0,
            "life_events": events,
            "audience": if q == 2 { json!(["organisation"]) } else { json!(["person"]) },
            "keywords": {"zh-CN": keywords_zh, "en": keywords_en},
            "synonyms": synonyms,
            "form": service_id(i),
        }));
    }
    json!({
        "schema_version": 1,
        "locales": ["zh-CN", "en"],
        "categories": named(CATEGORIES),
        "life_events": named(LIFE_EVENTS),
        "services": out,
    })
}

/// `n` queries of every kind people type, drawn from the catalog's first `services`
/// procedures: whole titles, words and parts of words in both languages, typos, pinyin.
pub fn queries(services: usize, n: usize) -> Vec<String> {
    let mut rng = Rng(7);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (o, a, q) = combination(rng.pick(services.max(1)));
        let (obj_zh, obj_en, _, _, pinyin) = OBJECTS[o];
        let word = obj_en.split(' ').max_by_key(|w| w.len()).unwrap_or(obj_en);
        let query = match i % 10 {
            0 => title_zh(o, a, q),
            1 => title_en(o, a, q),
            2 => obj_zh.chars().take(2).collect(),
            3 => format!("{obj_zh}{}", ACTIONS[a].0),
            4 => word.chars().take(4).collect(),
            5 => format!("{} {obj_en}", ACTIONS[a].1.to_lowercase()),
            6 => {
                // A typo: two neighbouring letters swapped.
                let mut chars: Vec<char> = word.chars().collect();
                if chars.len() > 3 {
                    chars.swap(1, 2);
                }
                chars.into_iter().collect()
            }
            7 if !pinyin.is_empty() => pinyin.replace(' ', ""),
            8 if !pinyin.is_empty() => pinyin.split(' ').filter_map(|s| s.chars().next()).collect(),
            _ => format!("{obj_en} {}", ACTIONS[a].0),
        };
        out.push(query);
    }
    out
}
