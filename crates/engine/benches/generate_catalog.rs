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

// ----- Long summaries (issue #16): a catalog whose summaries are 150–300 characters in each
// language, as real 办事指南 descriptions are, with guides carrying materials and FAQ. Made of
// sentences whose parts are drawn from lists, so that words meet in many combinations (real
// text has many distinct Han pairs; a few fixed sentences would compress unrealistically well).

/// (zh, en): who a procedure is for.
const WHO: &[(&str, &str)] = &[
    ("在本市居住的居民", "residents of the city"),
    ("从事经营活动的企业", "companies trading here"),
    ("个体工商户", "sole traders"),
    ("在本市工作的外国人", "foreign nationals working here"),
    ("港澳台居民", "Hong Kong, Macao and Taiwan residents"),
    ("退役军人及其家属", "veterans and their families"),
    ("六十周岁以上老年人", "people aged sixty or over"),
    ("持证残疾人", "registered disabled people"),
    ("全日制在校学生", "full-time students"),
    ("灵活就业人员", "freelance and gig workers"),
    ("农村集体经济组织成员", "members of village collectives"),
    ("毕业两年内的高校毕业生", "graduates within two years of leaving"),
    ("用人单位", "employers"),
    ("社会组织", "social organisations"),
    ("医疗机构", "hospitals and clinics"),
    ("外商投资企业", "foreign-invested companies"),
    ("小微企业", "small businesses"),
    ("农民专业合作社", "farmers' cooperatives"),
    ("新就业形态劳动者", "platform workers"),
    ("低收入家庭", "low-income households"),
    ("独生子女父母", "parents of an only child"),
    ("来沪务工人员", "migrant workers"),
    ("境外投资者", "overseas investors"),
    ("物业服务企业", "property management firms"),
    ("建筑施工单位", "building contractors"),
    ("道路运输经营者", "road haulage operators"),
    ("民办教育机构", "private education providers"),
    ("养老服务机构", "care homes"),
    ("食品生产者", "food manufacturers"),
    ("网约车驾驶员", "ride-hailing drivers"),
];

/// (zh, en): a condition an applicant meets.
const CONDITIONS: &[(&str, &str)] = &[
    ("具有完全民事行为能力", "have full legal capacity"),
    ("连续缴纳社会保险满六个月", "have paid social insurance for six months in a row"),
    ("无不良信用记录", "have no bad credit record"),
    ("持有有效身份证件", "hold a valid identity document"),
    ("已办理居住登记", "have registered your address"),
    ("未被列入经营异常名录", "not be on the list of irregular businesses"),
    ("配备相应的专业技术人员", "employ qualified technical staff"),
    ("经营场所符合消防安全要求", "have premises that meet fire safety rules"),
    ("家庭人均收入低于当地最低生活保障标准", "have a household income below the local minimum"),
    ("近三年内无重大违法记录", "have no serious offence in the last three years"),
    ("拥有合法稳定住所", "have a lawful and stable home"),
    ("签订劳动合同并依法缴纳个人所得税", "have an employment contract and pay income tax"),
    ("具备与经营规模相适应的资金", "have funds that match the size of the business"),
    ("通过年度安全评估", "have passed the yearly safety assessment"),
    ("取得相应的职业资格", "hold the required professional qualification"),
    ("在登记机关办理备案", "file a record with the registering office"),
    ("按时参加年度报告公示", "publish your annual report on time"),
    ("配备符合标准的卫生设施", "have sanitary facilities up to standard"),
    ("本人未因同一事项重复申领", "not have claimed for the same thing before"),
    ("所持证件在有效期内", "hold documents that are still valid"),
    ("通过体检且身体条件合格", "pass the medical examination"),
    ("不存在欠缴税款的情形", "owe no tax"),
    ("建立健全内部管理制度", "have proper internal management rules"),
    ("遵守环境保护的有关规定", "follow the environmental protection rules"),
    ("已完成实名认证", "have verified your identity with your real name"),
    ("住所与经营场所一致", "trade from your registered address"),
    ("实际居住满一年", "have lived here for at least a year"),
    ("按规定缴存住房公积金", "pay into the housing provident fund"),
    ("持有经营许可证明", "hold a trading permit"),
    ("具有相应的资质等级", "hold the right grade of qualification"),
];

/// (zh, en): a document to bring; guides' materials are drawn from these too.
const DOCUMENTS: &[(&str, &str)] = &[
    ("居民身份证", "identity card"),
    ("户口簿", "household register booklet"),
    ("结婚证", "marriage certificate"),
    ("房屋租赁合同", "tenancy agreement"),
    ("不动产权证明", "proof of property ownership"),
    ("劳动合同", "employment contract"),
    ("完税证明", "tax payment certificate"),
    ("体检报告", "medical examination report"),
    ("无犯罪记录证明", "criminal record certificate"),
    ("公证书", "notarised statement"),
    ("授权委托书", "letter of authority"),
    ("学历证书", "diploma"),
    ("银行流水", "bank statements"),
    ("近期免冠彩色照片", "recent colour photographs"),
    ("出生医学证明", "birth medical certificate"),
    ("营业执照副本", "duplicate business licence"),
    ("法定代表人身份证明", "proof of the legal representative's identity"),
    ("公司章程", "articles of association"),
    ("验资报告", "capital verification report"),
    ("场地平面图", "floor plan of the premises"),
    ("消防验收意见书", "fire acceptance opinion"),
    ("环境影响评价批复", "environmental impact approval"),
    ("社保缴费记录", "social insurance payment record"),
    ("离婚协议书", "divorce agreement"),
    ("死亡证明", "death certificate"),
    ("护照及签证", "passport and visa"),
    ("工作许可证明", "work permit"),
    ("残疾评定结论", "disability assessment"),
    ("收入证明", "proof of income"),
    ("单位介绍信", "letter of introduction from your employer"),
    ("车辆购置发票", "vehicle purchase invoice"),
    ("交通事故责任认定书", "accident liability report"),
    ("病历及诊断证明", "medical records and diagnosis"),
    ("学籍证明", "proof of enrolment"),
    ("退役证", "discharge certificate"),
    ("专利说明书", "patent specification"),
    ("商标图样", "specimen of the trademark"),
    ("施工图设计文件", "construction drawings"),
    ("安全生产责任书", "work safety undertaking"),
    ("原证件", "the old certificate"),
];

/// (zh, en): where to apply.
const PLACES: &[(&str, &str)] = &[
    ("政务服务中心综合窗口", "the one-stop counter of the government service centre"),
    ("街道便民服务中心", "the neighbourhood service centre"),
    ("“一网通办”平台", "the one-network platform"),
    ("政务服务微信小程序", "the government WeChat mini program"),
    ("二十四小时自助服务终端", "a self-service kiosk open round the clock"),
    ("邮政网点", "a post office"),
    ("区行政审批局", "the district approvals office"),
    ("乡镇社会事务受理点", "the township welfare desk"),
    ("掌上办事App", "the mobile services app"),
    ("银行代办网点", "a partner bank branch"),
];

/// (zh, en): what happens after an application is accepted.
const PROCESS: &[(&str, &str)] = &[
    ("现场核查", "an on-site check"),
    ("专家评审", "an expert review"),
    ("社会公示", "a public notice period"),
    ("实地勘察", "a site survey"),
    ("联合审查", "a joint review"),
    ("集体讨论决定", "a collective decision"),
    ("听证", "a hearing"),
    ("技术检测", "technical testing"),
    ("入户调查", "a home visit"),
    ("信用核查", "a credit check"),
    ("书面审查", "a review of the papers"),
    ("部门会签", "sign-off by the departments concerned"),
];

/// (zh, en): what the applicant gets, and how.
const RESULTS: &[(&str, &str)] = &[
    ("电子证照", "an electronic certificate"),
    ("纸质证书", "a paper certificate"),
    ("批准文书", "a letter of approval"),
    ("受理回执", "an acknowledgement"),
    ("决定书", "a decision letter"),
    ("备案通知书", "a notice of filing"),
    ("核准通知", "a notice of approval"),
];

const DELIVERY: &[(&str, &str)] = &[
    ("可选择邮寄送达", "posted to you if you wish"),
    ("到窗口领取", "collected at the counter"),
    ("可在网上下载打印", "ready to download and print"),
    ("同步推送至电子证照库", "added to your digital wallet"),
];

/// (zh, en): the law a procedure rests on.
const LAWS: &[(&str, &str)] = &[
    ("《中华人民共和国行政许可法》", "the Administrative Licensing Law"),
    ("《中华人民共和国社会保险法》", "the Social Insurance Law"),
    ("《中华人民共和国道路交通安全法》", "the Road Traffic Safety Law"),
    ("《中华人民共和国食品安全法》", "the Food Safety Law"),
    ("《中华人民共和国公司法》", "the Company Law"),
    ("《中华人民共和国出境入境管理法》", "the Exit and Entry Administration Law"),
    ("《中华人民共和国劳动合同法》", "the Labour Contract Law"),
    ("《中华人民共和国税收征收管理法》", "the Tax Collection Law"),
    ("《中华人民共和国环境保护法》", "the Environmental Protection Law"),
    ("《中华人民共和国消防法》", "the Fire Protection Law"),
    ("《居住证暂行条例》", "the Interim Regulations on Residence Permits"),
    ("《住房公积金管理条例》", "the Housing Provident Fund Regulations"),
    ("《社会救助暂行办法》", "the Interim Measures on Social Assistance"),
    ("《市场主体登记管理条例》", "the Market Entity Registration Regulations"),
    ("《残疾人保障法》", "the Law on the Protection of Disabled Persons"),
    ("《专利法实施细则》", "the Implementing Rules of the Patent Law"),
];

/// (zh, en): remarks a summary may end with.
const NOTES: &[(&str, &str)] = &[
    ("办理过程中不收取任何费用", "There is no fee"),
    ("逾期未申请的视为自动放弃", "Late applications are treated as withdrawn"),
    (
        "材料不齐全的将一次性告知需要补正的全部内容",
        "If anything is missing you are told everything at once",
    ),
    ("可委托他人持授权委托书代为办理", "Someone else may apply for you with a letter of authority"),
    (
        "首次申请须本人到场采集指纹和照片",
        "First-time applicants come in person for fingerprints and a photo",
    ),
    ("支持全程网办和跨省通办", "It can be done fully online and in any province"),
    ("符合条件的可享受容缺受理", "Minor gaps in the papers can be made up later"),
    ("提供虚假材料的将依法追究责任", "Giving false information is an offence"),
    ("节假日期间可通过自助终端办理", "Self-service kiosks work on public holidays"),
    ("听障人士可预约手语翻译服务", "Sign language interpreters can be booked"),
    ("七十周岁以上老人可申请上门服务", "People over seventy can ask for a home visit"),
    ("办理结果可通过短信查询", "You can check the outcome by text message"),
    ("同一事项一年内只能申请一次", "You may apply once a year"),
    ("军人和消防救援人员优先办理", "Service members and firefighters go first"),
    ("企业可通过法人一证通登录办理", "Companies sign in with their corporate digital certificate"),
    ("申请前请先在线预约取号", "Book a queue number online before you go"),
];

/// (zh, en) question patterns of a guide's FAQ; `{}` is a document or a place.
const QUESTIONS: &[(&str, &str)] = &[
    ("没有{}可以办理吗？", "Can I apply without the {}?"),
    ("{}丢失了怎么办？", "What if I have lost the {}?"),
    ("{}需要复印几份？", "How many copies of the {} do I need?"),
    ("可以在{}办理吗？", "Can I apply at {}?"),
    ("外地户口能否使用{}？", "Can I use the {} if my hukou is elsewhere?"),
    ("{}过期了还能用吗？", "Can I still use an expired {}?"),
];

/// Sentences of a summary, zh and en apart (their lengths differ): each takes its parts from
/// the lists above; the first names the procedure.
fn sentence_zh(kind: usize, rng: &mut Rng, days: usize) -> String {
    let p = |list: &[(&'static str, &'static str)], rng: &mut Rng| list[rng.pick(list.len())].0;
    match kind % 9 {
        0 => format!("申请人应当{}，并{}。", p(CONDITIONS, rng), p(CONDITIONS, rng)),
        1 => format!(
            "办理时须提交{}、{}和{}。",
            p(DOCUMENTS, rng),
            p(DOCUMENTS, rng),
            p(DOCUMENTS, rng)
        ),
        2 => format!("可通过{}提交申请，也可以到{}办理。", p(PLACES, rng), p(PLACES, rng)),
        3 => {
            format!("受理后经{}和{}，{days}个工作日内作出决定。", p(PROCESS, rng), p(PROCESS, rng))
        }
        4 => format!("审批通过的发放{}，{}。", p(RESULTS, rng), p(DELIVERY, rng)),
        5 => format!("本事项依据{}第{}条设立。", p(LAWS, rng), 2 + rng.pick(80)),
        6 => format!("{}另需{}。", p(WHO, rng), p(CONDITIONS, rng)),
        _ => format!("{}。", p(NOTES, rng)),
    }
}

fn sentence_en(kind: usize, rng: &mut Rng, days: usize) -> String {
    let p = |list: &[(&'static str, &'static str)], rng: &mut Rng| list[rng.pick(list.len())].1;
    match kind % 9 {
        0 => format!("You must {}.", p(CONDITIONS, rng)),
        1 => format!("Bring your {} and {}.", p(DOCUMENTS, rng), p(DOCUMENTS, rng)),
        2 => format!("Apply through {}.", p(PLACES, rng)),
        3 => format!("After {}, a decision within {days} working days.", p(PROCESS, rng)),
        4 => format!("You get {}, {}.", p(RESULTS, rng), p(DELIVERY, rng)),
        5 => format!("Under {}, article {}.", p(LAWS, rng), 2 + rng.pick(80)),
        6 => format!("{} must also {}.", capitalised(p(WHO, rng)), p(CONDITIONS, rng)),
        _ => format!("{}.", p(NOTES, rng)),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A summary that starts with `first` and goes on with sentences until it has 150 to 300
/// characters (as many as a target drawn in that range).
fn long_text(first: String, rng: &mut Rng, sentence: impl Fn(usize, &mut Rng) -> String) -> String {
    let mut text = first;
    let target = 150 + rng.pick(150);
    let mut tries = 0;
    while text.chars().count() < target && tries < 50 {
        let next = sentence(rng.pick(9), rng);
        let space = if text.ends_with('.') { " " } else { "" };
        let length = text.chars().count() + space.len() + next.chars().count();
        if length <= 300 || text.chars().count() < 150 && tries > 40 {
            text.push_str(space);
            text.push_str(&next);
        }
        tries += 1;
    }
    text
}

/// [`catalog`] with summaries of 150 to 300 characters in each language, and each service
/// linked to its guide (`guides/svc-NNNNN.json`, from [`long_guides`]): what a real catalog of
/// 办事指南 looks like to the search index.
pub fn long_catalog(services: usize) -> Value {
    let mut catalog = catalog(services);
    let mut rng = Rng(16);
    if let Some(list) = catalog["services"].as_array_mut() {
        for (i, service) in list.iter_mut().enumerate() {
            let (o, a, q) = combination(i);
            let days = 1 + rng.pick(20);
            let (who_zh, who_en) = WHO[rng.pick(WHO.len())];
            let first_zh = format!("本事项适用于{who_zh}{}{}。", ACTIONS[a].0, OBJECTS[o].0);
            let first_en = format!(
                "For {who_en} who need to {} {}{}.",
                ACTIONS[a].1.to_lowercase(),
                OBJECTS[o].1,
                QUALIFIERS[q].1
            );
            let zh = long_text(first_zh, &mut rng, |k, r| sentence_zh(k, r, days));
            let en = long_text(first_en, &mut rng, |k, r| sentence_en(k, r, days));
            service["summary"] = json!({"zh-CN": zh, "en": en});
            service["guide"] = json!(format!("guides/{}.json", service_id(i)));
        }
    }
    catalog
}

/// The guides of [`long_catalog`]'s services: 3 to 8 materials and 2 to 4 questions each, the
/// rest of the guide the same for all.
pub fn long_guides(services: usize) -> Vec<Value> {
    let mut rng = Rng(1616);
    (0..services)
        .map(|i| {
            let materials: Vec<Value> = (0..3 + rng.pick(6))
                .map(|m| {
                    let (zh, en) = DOCUMENTS[rng.pick(DOCUMENTS.len())];
                    json!({"id": format!("m{m}"), "name": {"zh-CN": zh, "en": en},
                        "original_or_copy": "original", "medium": "paper",
                        "necessity": "required", "source": "applicant"})
                })
                .collect();
            let faq: Vec<Value> = (0..2 + rng.pick(3))
                .map(|_| {
                    let (q_zh, q_en) = QUESTIONS[rng.pick(QUESTIONS.len())];
                    let (d_zh, d_en) = if rng.pick(3) == 0 {
                        PLACES[rng.pick(PLACES.len())]
                    } else {
                        DOCUMENTS[rng.pick(DOCUMENTS.len())]
                    };
                    json!({"question": {"zh-CN": q_zh.replace("{}", d_zh), "en": q_en.replace("{}", d_en)},
                        "answer": {"zh-CN": "可以，请咨询窗口。", "en": "Yes: ask at the counter."}})
                })
                .collect();
            json!({
                "schema_version": 1, "service": service_id(i), "version": "1", "locales": ["zh-CN", "en"],
                "item_type": {"zh-CN": "行政许可", "en": "Administrative licensing"},
                "legal_basis": [], "implementing_body": {"zh-CN": "市政府", "en": "City government"},
                "conditions": [], "materials": materials, "steps": [],
                "time_limit": {"statutory": {"value": 20, "unit": "working_days"}, "promised": {"value": 10, "unit": "working_days"}},
                "result": {"name": {"zh-CN": "决定书", "en": "Decision"}, "delivery": ["counter"]},
                "places": [], "online": {"depth": [1], "visits": 1},
                "consultation": [], "complaints": [], "faq": faq,
            })
        })
        .collect()
}
