export { seededRandom } from '../../domain/seeded-random.js';

// Common surnames, roughly in order of frequency, and characters common in given names.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文单欧阳';
const GIVEN_F = '秀英华丽敏静芳娜婷雪梅琳燕红霞玲颖慧晶倩洁莉萍佳怡欣悦雅蕾岚薇丹璐晓淑月琴';
const GIVEN_M = '伟强磊军勇杰涛明超刚平辉鹏华飞斌宇浩凯健俊峰建国志新海波晨旭东林文博亮成';

/** A realistic Chinese name for the given gender: a common surname and one or two given-name characters. */
export function randomName(rand: () => number, gender: 'M' | 'F'): string {
  const surnames = [...SURNAMES.replace('欧阳', '')];
  const surname = rand() < 0.01 ? '欧阳' : surnames[Math.floor(Math.pow(rand(), 1.6) * surnames.length)];
  const pool = [...(gender === 'F' ? GIVEN_F : GIVEN_M)];
  const pick = () => pool[Math.floor(rand() * pool.length)];
  return surname + pick() + (rand() < 0.7 ? pick() : '');
}
