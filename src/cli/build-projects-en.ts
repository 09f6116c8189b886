/**
 * English notes for the authored milestones and targets (authoring input of build-projects.ts).
 * One entry per timeline entry of the fact base, in the fact base's order; translations are
 * faithful and short, and carry the caveats of the facts (component figures, inferred years).
 */
export const MILESTONE_NOTES_EN: Record<string, string[]> = {
  'ziyang-line': [
    "Start of construction of the Ziyang rail transit line announced (Chengdu's first cross-city urban rail line)",
    'Chengdu–Ziyang S3 suburban railway started (scorecard of the 3rd meeting of the provincial integration leading group)',
    'Yanjiang district task plan: speed up construction of the Chengdu–Ziyang suburban railway',
    'Bridges complete along the whole line; track laying 6.8 % done (Q1 bulletin). 6.8 % is track laying only, not overall progress',
    'Last shield-tunnel section broken through: bridges and tunnels through along the whole line',
    'Related headline in the sidebar of the seed 003 page (2023-12-13): short rails laid along the whole Ziyang line',
    '2023: the Ziyang line energised (“power on”)',
    'Ziyang line opened; provincial and city leaders attended the opening ceremony (6 of 7 stations; Lujia deferred)',
  ],
  'chengde-s11': [
    'Preliminary work on the Chengdu–Deyang S11 line being accelerated',
    'Construction of the S11 line formally launched at Deyang North station',
  ],
  'chengmei-s5': [
    'Preliminary work on the Chengdu–Meishan S5 line being accelerated',
    'Chengdu–Meishan S5 suburban railway formally started at Shigao subdistrict, Meishan Tianfu New Area',
  ],
  'chengdu-outer-ring-railway': [
    'Pre-feasibility study review completed (7–9 September 2020)',
    'Chengdu outer ring railway passed the pre-feasibility review',
    'Plan: study and plan intercity railways such as the Chengdu outer ring linking Chengdu with nearby cities',
    '2024 plan: speed up the Chengdu metropolitan-area ring railway',
  ],
  'chengdawan-hsr': [
    'Construction mobilisation meeting in Sichuan Tianfu New Area; controlling works broke ground (pilot works only)',
    'Plan: advance trunk railways including the Chengdu–Dazhou–Wanzhou HSR',
    'Full construction of the Chengdu–Dazhou–Wanzhou HSR formally started (year 2022 inferred from a report that the full start was due in the second half of 2022)',
    'Ziyang section among the most advanced parts of the whole line',
    '2023: construction of the Chengdu–Dazhou–Wanzhou HSR speeding up',
  ],
  'chengyu-middle-hsr': [
    'Construction of the Chengdu–Chongqing middle-line HSR launched (ceremony)',
    'Plan: advance trunk railways including the Chengdu–Chongqing middle-line HSR',
    'Chengdu–Chongqing middle-line HSR formally started construction',
    'Temporary works such as mixing plants completed (Ziyang section)',
    '2023: construction of the Chengdu–Chongqing middle-line HSR speeding up',
  ],
  'chengziyi-hsr': [
    'Under construction since January 2019',
    'Plan: advance construction of the Chengdu–Zigong–Yibin HSR',
    'Chengdu–Zigong–Yibin HSR completed and opened to traffic',
    '2023: Chengdu–Zigong–Yibin HSR in operation',
  ],
  'chengyu-railway-chengdu-longchang': [
    'Plan: advance trunk railways including the capacity upgrade of the Chengdu–Longchang section of the Chengdu–Chongqing railway',
  ],
  'chengyu-hsr': [
    'Chengdu–Chongqing passenger-dedicated railway formally opened; Ziyang entered the high-speed-rail era',
    'Plan: further optimise train schedules on the Chengdu–Chongqing passenger line and other railways',
    '2024 plan: further optimise and increase service frequency on the Chengdu–Chongqing HSR',
  ],
  'chengyu-expressway-expansion': [
    'Plan task: jointly start construction of the G76/G85 Chengdu–Chongqing expressway expansion',
    'Sites for starting the controlling works of the expansion determined',
    '2024 plan: speed up the Chengdu–Chongqing expressway expansion',
    'Report on the start of the Chongqing section: the Sichuan section had already started (exact Sichuan start date not found)',
  ],
  'chengzi-avenue': [
    'Ziyang section of Chengzi Avenue started construction in August 2018',
    'East section of the airport south line and the Jianyang section opened: Chengzi Avenue fully through',
    'Task plan still says “speed up construction of Chengzi Avenue” (wording copied from the 2021 metropolitan plan; the road had opened on 2022-02-15)',
  ],
  'chengzi-airport-avenue': [
    'Ziyang side: the Dagaosi connector of Chengzi Airport Avenue started in a group ceremony (connector only)',
    'Plan: jointly speed up fast roads such as Chengzi Avenue and Chengzi Airport Avenue',
    'Chengdu section (Chengjian expressway, 3rd ring road to the Ziyang border): no preliminary work started yet',
  ],
  'east-west-city-axis': [
    'East section of the East–West City Axis formally started (Chengdu east section, ring expressway to Jianyang)',
    'Plan task: improve the East–West City Axis; start construction of its Ziyang section',
    'Jianyang section of the axis extension: no preliminary work yet; the Ziyang section to be accelerated',
    '2024 plan: speed up the East–West City Axis',
    'Ziyang–Jianyang section of the Shudu Avenue east extension (Wenlongsi to Shuxiang Avenue, 3.87 km) opened (taken as the axis extension per Ziyang media; medium confidence)',
  ],
  'chengyu-chengyi-link': [
    'Plan task: start construction of intercity fast roads such as the Chengdu–Chongqing to Chengdu–Yibin expressway connector',
  ],
  'ziwei-avenue': ['Plan task: start construction of intercity fast roads such as Ziwei Avenue'],
  'zijian-industrial-avenue': ['Plan task: carry out preliminary work on projects such as the Ziyang–Jianyang Industrial Avenue'],
  'yingjie-konggang-road': ['Plan task: carry out preliminary work on the Ziyang Yingjie – Airport New City road'],
  's102-zian-fast-road': ['Plan task: carry out preliminary work on the S102 Ziyang–Anyue fast road'],
  'fanggao-road': [
    'Border section (3 km) of Fanggao Road rebuilt and opened, two lanes (border section only)',
    'Plan: speed up projects such as Fanggao Road (opening up intercity dead-end roads)',
  ],
  'gule-road': ['Gule Road in its finishing stage (no percentage given)'],
  'guazhuo-road': ['Guazhuo Road to be ready for traffic in May this year'],
  'konggang-avenue': [
    'Konggang Avenue is built, but parts are still closed to traffic from Ziyang, which must detour via Wudu Avenue to Tianfu airport',
  ],
  'luojian-road': ['Luojian Road and four other dead-end-road projects completed and opened'],
  'jinjianren-expressway': [
    'Phase II Jianyang section (6.75 km) of the Jin–Jian–Ren fast road opened for trial traffic',
    'Sidebar item on the seed 003 page (2023-02-23): the Jin–Jian–Ren fast road (Chengdu–Meishan section) and its northern extension (Chengdu–Deyang section) are key projects linking the four cities (a deputy’s proposal to speed up the network: plan wording, not an observation)',
  ],
  'pihe-water-supply-phase1': [
    'Construction started in 2015',
    'Pihe water supply phase I basically complete (no percentage given)',
    'Pihe water supply project formally began supplying water',
    'Plan: innovate the construction, management and operation of cross-city water projects such as the Pihe water supply',
    'Pihe phase I started the spring water transfer of 20 million m³',
  ],
  'pihe-water-supply-phase2': ['Plan task: advance preliminary work on water projects such as Pihe water supply phase II'],
  'changzheng-canal': ['Plan task: advance preliminary work on water projects such as the Changzheng canal diversion'],
  'zhanglao-diversion': [
    'The Zhanglao diversion to start construction before the end of the year; approved by the Chengdu DRC',
    'Water projects such as Lijiayan reservoir and the Zhanglao diversion being built at a faster pace',
    'Plan task: build the direct water-transfer pipeline from Zhangjiayan reservoir to Laoying reservoir',
  ],
  'laoying-wangshuihe-bypass': [
    'Wangshui River bypass works of Laoying reservoir started in May 2018',
    'Main works complete and equipment installed; trial operation before the Spring Festival (greening and commissioning pending)',
    'Plan task: build the Laoying reservoir source-protection / Wangshui River bypass works',
  ],
  'laoying-reservoir': [
    'Plan task: implement drinking-water source protection at Laoying reservoir and others',
    'Chengdu coordinated a transfer of 12 million m³ of water to Laoying reservoir',
  ],
  'sancha-lake-irrigation': [
    'Plan task: improve the management of irrigation districts east of Longquan Mountains such as Sancha Lake',
  ],
  'lijiayan-reservoir': [
    'Lijiayan reservoir construction started',
    'Lijiayan reservoir being built at a faster pace',
    'Water-retaining section of the dam filled to 720 m elevation',
  ],
  'dujiangyan-irrigation-modernization': [
    'Plan task: continuation and modernisation of large and medium irrigation districts such as Dujiangyan',
  ],
  'tuojiang-flood-control': ['Plan task: implement Tuo River flood-control works'],
  'tuojiang-water-ecology-remediation': [
    'Plan task: jointly remediate cross-boundary waters such as the Tuo main stem and the Yanghua, Jiuqu (incl. Laoying reservoir) and Qiuxi rivers',
    'Construction of the Tuo River basin water-ecology remediation project started',
  ],
  'huaxi-river-watershed': [
    'Huaxi River eco-clean small watershed in Yanjiang named a national soil-and-water-conservation demonstration project',
  ],
  'yanghua-jiuqu-corridors': [
    'Plan task: strengthen ecological corridors of key small watersheds such as the Jiuqu and Yanghua rivers',
    'Water at the Xiaoyanghua River section reached the Class III surface-water standard ahead of target (the seed text lost the numeral Ⅲ)',
  ],
  'yanxi-lake-wetland': [
    'Yanxi Lake water and landscape works started with other projects in the Ziyang airport industrial new town',
    'Plan: advance wetland parks such as Yanxi Lake in an orderly way',
  ],
  'longquanshan-forest-park': [
    '157,000 mu of greening and landscaping completed in total; 85 km of the tourist loop under construction',
  ],
  'ziyang-hazardous-waste': ['Plan task: jointly complete and operate projects such as the Ziyang hazardous-waste disposal facility'],
  'world-horticultural-expo-2024': ['Plan task: jointly prepare the 2024 World Horticultural Exposition'],
  'ziyang-gas-power-station': [
    'Approved by the Sichuan Development and Reform Commission (year inferred from “preparation began in October 2020 … took 1 year and 4 months”)',
    'Project broke ground in Anyue in July 2022',
    'Overall progress 40 %, two months ahead of schedule',
    'Unit 1 in operation since June',
    'Unit 2 passed its 168-hour trial run: phase I fully in operation',
  ],
  'uhv-1000kv-tianfunan-tongliang': [
    'Plan task: jointly speed up 1000 kV UHV AC projects such as Tianfu South – Chongqing Tongliang and their supporting works',
    'Construction started on 29 September 2022',
  ],
  'zhenxing-equipment-park': ['Main works over half done; enterprises to move in and start production by the end of the year'],
  'zhouli-potato-park': ['14 enterprises plan to sign up and move in'],
  'lezhi-enclave-park': [
    'Lezhi economic development zone signed a cooperation agreement with the Longtan industrial-robot zone committee to plan an enclave park in due course (seed text “202211月” = November 2022)',
    'No substantial progress on this work yet',
  ],
  'pengshi-chuanxiong-park': ['Peng–Shi park: chuanxiong market share over 70 %, annual output value 575 million yuan (+42.7 %)'],
  'ziyang-pharma-food-city': [
    'Plan: link carriers such as the Ziyang pharmaceutical & food industry new town to develop the health industry together',
  ],
  'yanjiang-airport-supporting-city': [
    'Plan: build an airport-manufacturing supply base; strengthen the Yanjiang airport-supporting industry new town',
    'Works under way in the Yanjiang airport-manufacturing supply park, Zhonghe town (packaging and steel-structure bases)',
  ],
  'china-dental-valley': [
    '2024 plan: promote coordinated development of China Dental Valley, Linkong Smart Valley and Tianfu Art Valley',
  ],
  'jiangyuan-tianfu-farmland': [
    'Plan: use the Tianfu Pastoral block of Jiangyuan town as the core for high-end, airport-oriented demonstration farming',
  ],
  'shijia-jade-peach-park': ['Plan: use the Shijia jade-peach park to develop geographical-indication farm products'],
  'jianzhou-goat-park': ['Plan: use the Jianzhou big-eared goat modern agriculture park'],
  'gaosi-yanghua-circular-park': ['Plan: use the Gaosi–Yanghua River crop–livestock circular park in Lezhi'],
  'anyue-grottoes-digital-center': [
    'Contractor on site since November 2022',
    'Pile foundations completed',
    'The digital exhibition centre drew crowds over the May Day holiday (phase I operating by May 2025; exact opening date not found)',
  ],
  'traditional-culture-tech-park': [
    'Ziyang Fantawild cultural-tourism project formally started in the Ziyang Airport Economic Zone',
    'Main structure of the exhibition area completed',
  ],
  'ziyang-peoples-hospital': [
    "Ziyang People's Hospital, with Chengdu's support, newly accredited as Grade-3A (accreditation, not construction)",
  ],
  'yanjiang-hospital-building': [
    "Plan: speed up projects such as the general business building of Yanjiang District People's Hospital",
  ],
  'sw-regional-emergency-center': [
    'Plan task: jointly complete the National Southwest Regional Emergency Rescue Center',
    'Construction start event held in Huaizhou New City, Jintang County',
    'Completed and in use (reported in 2024; month not established)',
  ],
  'tianfu-international-airport': [
    'Tianfu International Airport formally opened to flights',
    'Tax sharing for Tianfu airport: the two cities have not agreed on its scope and basis (institutional issue, not construction)',
  ],
  'ziyang-city-terminal': ['Plan task: jointly build the Ziyang city air terminal'],
  'ziyang-north-hub': ['Plan: speed up construction of the Ziyang North passenger hub'],
  'ziyang-rail-road-logistics-port': ['Plan task: jointly build the Ziyang rail–road logistics port and multimodal hub centre'],
  'cdmz-comprehensive-pilot-zone': [
    'Provincial DRC issued the master plan of the CDMZ integration comprehensive pilot zone',
    '2023: major platforms such as the comprehensive pilot zone being built at a faster pace',
    'Plan: a task force to build the comprehensive pilot zone jointly and in full',
  ],
  'chengdu-eastern-new-area': [
    'Chengdu Eastern New Area formally inaugurated in May 2020',
    'Plan: use the Eastern New Area as the strategic pivot, linking Jianyang, Jintang, Lezhi, Anyue and Meidong New City in urban clusters',
  ],
  'ziyang-airport-economic-zone': [
    '2024 plan: make the Ziyang Airport Economic Zone and the high-tech zone the “main battlefield” of integration',
    '2024 plan: create a national airport-economy demonstration zone together with the Chengdu Eastern New Area',
  ],
  'chengzi-innovation-center': [
    'Plan: expand the functions of technology-transfer platforms such as the Chengdu–Ziyang Collaborative Innovation Center',
    '2023: Chengdu–Ziyang collaborative innovation HQ base completed and in use',
  ],
  'tianfu-lab-sci-tech-island': [
    'Plan: speed up strategic science platforms such as Tianfu Laboratory',
    'Plan: build and make good use of the existing Tianfu Laboratory and Chengdu Sci-Tech Eco-Island (described as existing)',
  ],
  'chengzi-adjacent-agritourism-demo': [
    'Plan: build the Chengdu–Ziyang border agri-tourism demonstration zone in Shijia, Laojun and Gaosi towns',
  ],
  'jinsha-sanxingdui-museum-link': ['Jinsha and Sanxingdui museums exchange visitors; cross-city tours'],
  'ziyang-ftz-coordinated-reform-zone': ['Plan: help build the Ziyang free-trade-zone coordinated reform pilot area'],
  'chengdu-ring-ecological-zone': ['Plan: jointly build the Chengdu ring ecological zone'],
  'metro-hr-service-park': ['Plan task: jointly build the Chengdu metropolitan-area HR service industrial park'],
  'sw-green-food-coldchain-base': [
    'Plan task: jointly build the southwest green-food processing and cold-chain distribution base',
  ],
  'chengdu-tianfu-airport-economic-zone': [
    '2024 plan: advance major platforms such as the Chengdu Tianfu Airport Economic Zone',
  ],
};

export const TARGET_NOTES_EN: Record<string, string[]> = {
  'ziyang-line': ['Plan: complete and open the Ziyang line in September'],
  'chengmei-s5': ['Expected completion by the end of 2026'],
  'chengdawan-hsr': ['Planned to be fully completed and opened in 2027'],
  'chengyu-middle-hsr': ['Planned to open at the end of November 2027'],
  'chengyu-expressway-expansion': ['Expected to open by the end of 2028'],
  'guazhuo-road': ['Ready for traffic in May 2023'],
  'lijiayan-reservoir': ['Ready for impoundment by the end of 2024'],
  'uhv-1000kv-tianfunan-tongliang': ['Expected in operation in summer 2025'],
  'zhenxing-equipment-park': ['Enterprises to move in and start production by the end of 2023'],
};

/** Labels of the key-fact keys of the fact base. */
export const FACT_LABELS: Record<string, [string, string]> = {
  annual_output_100m_kwh: ['年发电量', 'Annual output'],
  annual_output_cny_100m: ['年产值', 'Annual output value'],
  annual_supply_100m_m3: ['年供水量', 'Annual water supply'],
  area_km2: ['面积', 'Area'],
  canal_length_km: ['骨干渠道长度', 'Trunk canal length'],
  capacity_100m_m3: ['总库容', 'Total storage'],
  catchment_km2: ['集雨面积', 'Catchment area'],
  chengdu_part_km2: ['成都(简阳)部分面积', 'Area of the Chengdu (Jianyang) part'],
  chengdu_section: ['成都境内段', 'Chengdu section'],
  components: ['建设内容', 'Components'],
  dam_height_m: ['最大坝高', 'Maximum dam height'],
  deferred_station: ['暂缓开通车站', 'Deferred station'],
  demo_point_2020: ['2020年示范点', '2020 demonstration point'],
  design_speed_kmh: ['设计时速', 'Design speed'],
  east_section_km: ['东段长度', 'East section length'],
  greening_10k_mu: ['累计增绿增景', 'Greening completed (cumulative)'],
  investment_cny_100m: ['总投资', 'Total investment'],
  investment_estimate_cny_100m: ['估算总投资', 'Estimated total investment'],
  investment_phase1_cny_100m: ['一期总投资', 'Phase I investment'],
  journey_time_min: ['全程用时', 'End-to-end journey time'],
  length_km: ['全长', 'Length'],
  length_km_chengdu: ['成都境内总长', 'Length within Chengdu'],
  line_km: ['线路长度', 'Line length'],
  location: ['位置', 'Location'],
  location_basis: ['位置依据', 'Basis of location'],
  market_share_pct: ['川芎市场占有率', 'Chuanxiong market share'],
  max_speed_kmh: ['最高运行时速', 'Maximum operating speed'],
  members: ['组成区域', 'Member areas'],
  phase1_capacity: ['一期建设规模', 'Phase I capacity'],
  pipeline_km: ['管道长度', 'Pipeline length'],
  renamed: ['现名', 'Current name'],
  role: ['作用', 'Role'],
  route: ['线路走向', 'Route'],
  significance: ['意义', 'Significance'],
  site: ['选址', 'Site'],
  stations: ['车站', 'Stations'],
  stations_in_metro_area: ['都市圈内车站', 'Stations in the metropolitan area'],
  stations_opened_2024: ['2024年开通车站', 'Stations opened in 2024'],
  stations_total_built: ['设计车站数', 'Stations (design)'],
  structure_km_subgrade: ['路基段长度', 'Length on embankment'],
  structure_km_elevated: ['高架段长度', 'Length on viaduct'],
  structure_km_underground: ['地下段长度', 'Length underground'],
  substations: ['新建特高压变电站', 'New UHV substations'],
  termini: ['起讫点', 'Termini'],
  tianfu_aez_area_km2: ['天府临空经济区规划总面积', 'Planned area of the whole Tianfu airport economic zone'],
  tourist_loop_started_km: ['旅游环线开工里程', 'Tourist loop under construction'],
  upgraded_section_km: ['改建交界段长度', 'Rebuilt border section'],
  ziyang_jianyang_link_built_km: ['资简段通车长度', 'Ziyang–Jianyang section opened'],
  ziyang_part_km2: ['资阳部分面积', 'Area of the Ziyang part'],
};
