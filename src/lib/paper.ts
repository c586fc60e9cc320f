// The paper's registration and imprint: what a Chinese newspaper's site shows in its masthead and footer, and what
// the rules ask for (国内统一连续出版物号, ICP 备案 linked to the MIIT site, 公安备案 where there is one). One place
// to set them: src/lib/site.ts re-exports `paper`. The values below are placeholders, each marked （示例）; set the
// real ones here before publishing (docs/site-settings.md).

/** A registration number and the public page that verifies it. */
export interface Registration {
  /** As it is to be shown: 冀ICP备12345678号-1, 冀公网安备13010202000000号. */
  number: string;
  /** Where the number is looked up. */
  url: string;
}

export interface PaperSettings {
  /** The paper's name, as in the masthead. */
  name: string;
  /** 主管单位 */
  supervisor: string;
  /** 主办单位 */
  publisher: string;
  /** 国内统一连续出版物号: CN 13-0000/D. */
  cn: string;
  /** 总编辑, when the paper names them on its site. */
  editorInChief?: string | undefined;
  /** The copyright line (版权所有 …). */
  copyright: string;
  /** 地址 */
  address: string;
  /** 联系电话, 邮箱 … as one line. */
  contact: string;
  /** ICP 备案 (required): its number and the MIIT 备案 site, https://beian.miit.gov.cn/. */
  icp: Registration;
  /** 公安机关备案 (网安备案), where the site has one. */
  police?: Registration | undefined;
}

/** The MIIT 备案 site, where the ICP 备案 number links. */
export const MIIT_BEIAN_URL = 'https://beian.miit.gov.cn/';

export const paper: PaperSettings = {
  name: '河北法制报',
  supervisor: '某某主管单位（示例）',
  publisher: '某某主办单位（示例）',
  cn: 'CN 13-0000（示例）',
  editorInChief: undefined,
  copyright: '河北法制报社（示例）版权所有　未经授权不得转载',
  address: '河北省石家庄市某某路00号（示例）',
  contact: '电话：0311-00000000（示例）',
  icp: { number: '冀ICP备00000000号（示例）', url: MIIT_BEIAN_URL },
  police: {
    number: '冀公网安备00000000000000号（示例）',
    url: 'https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000',
  },
};
